import datetime

from django.template import engines
from django.utils import timezone, translation

TWO_FILTERS = """<time datetime="{{ v|date:'c' }}">{{ v|date:"DATE_FORMAT" }}</time>"""


def render(source, **context):
    return engines["django"].from_string(source).render(context)


def test_time_tag_writes_what_the_two_date_filters_write_in_local_time():
    moment = datetime.datetime(2015, 5, 8, 22, 30, tzinfo=datetime.UTC)  # 9 May in Brussels

    with translation.override("fr"):
        tag = render("{% load dates %}{% time_tag v %}", v=moment)

        assert tag == render(TWO_FILTERS, v=moment)
    assert 'datetime="2015-05-09T00:30:00+02:00"' in tag


def test_time_tag_formats_a_plain_date():
    assert render("{% load dates %}{% time_tag v %}", v=datetime.date(2015, 5, 8)) == render(
        TWO_FILTERS, v=datetime.date(2015, 5, 8)
    )


def test_time_tag_writes_nothing_without_a_value():
    assert render("{% load dates %}{% time_tag v %}", v=None) == ""


def test_time_tag_uses_the_current_time_zone():
    moment = datetime.datetime(2015, 5, 8, 12, 0, tzinfo=datetime.UTC)

    with timezone.override("UTC"):
        assert 'datetime="2015-05-08T12:00:00+00:00"' in render(
            "{% load dates %}{% time_tag v %}", v=moment
        )
