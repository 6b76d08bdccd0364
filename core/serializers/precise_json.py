"""Django's JSON serialization format, but with datetimes to the microsecond.

Django's ``DjangoJSONEncoder`` cuts datetimes to milliseconds, so a dumpdata/loaddata round
trip silently changes every timestamp. Backups must restore exactly what was there
(the round-trip test compares pages byte for byte), so ``SERIALIZATION_MODULES`` puts
this module in place of the built-in ``json`` format.
"""

import datetime

from django.core.serializers.json import (
    Deserializer,  # noqa: F401  (the format's reader)
    DjangoJSONEncoder,
)
from django.core.serializers.json import Serializer as DjangoJSONSerializer


class PreciseJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(DjangoJSONSerializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = PreciseJSONEncoder
