from django.views.generic import TemplateView


class IndexView(TemplateView):
    template_name = "working_group/index.html"
