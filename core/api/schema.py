"""OpenAPI additions: every operation documents the API's one error shape; built once.

The served document is public (SERVE_PUBLIC: the same for every visitor) and changes only with
the code, which a deploy restarts. Building it takes about 300 ms and writing it as YAML
another 100 ms, so each process keeps the document per API version, language and URLconf,
and its rendered bytes per format, instead of redoing both per request.
"""

from django.conf import settings
from django.utils.translation import get_language
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.views import SpectacularAPIView

ERROR_SCHEMA = {
    "type": "object",
    "description": "The API's single error shape (see core/api/exceptions.py).",
    "properties": {
        "code": {
            "type": "string",
            "description": "Stable machine-readable code.",
            "example": "validation_error",
        },
        "detail": {"type": "string", "description": "A sentence in the requested language."},
        "field_errors": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
        "non_field_errors": {"type": "array", "items": {"type": "string"}},
        "current_version": {
            "type": "integer",
            "description": "On 409 only: the version now stored.",
        },
    },
    "required": ["code", "detail", "field_errors", "non_field_errors"],
}

ERROR_EXAMPLES = {
    "400": ("Invalid input", "validation_error", "The request contains invalid data."),
    "401": ("Not signed in", "not_authenticated", "Authentication credentials were not provided."),
    "403": ("Not allowed", "permission_denied", "You do not have permission to do this."),
    "404": ("Not found", "not_found", "Not found."),
    "405": ("Method not allowed", "method_not_allowed", 'Method "PUT" not allowed.'),
    "406": ("Not acceptable", "not_acceptable", "Could not satisfy the request Accept header."),
    "409": ("Conflict", "conflict", "Someone else changed this item since you loaded it."),
    "415": ("Unsupported body", "unsupported_media_type", "Unsupported media type."),
    "429": ("Throttled", "throttled", "Request was throttled."),
    "503": ("Database unavailable", "service_unavailable", "The database is unavailable."),
}
WRITE_METHODS = {"post", "put", "patch"}


def add_error_responses(result, generator, request, public):
    """drf-spectacular post-processing hook: add the error responses to each operation."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    reference = {"$ref": "#/components/schemas/Error"}
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            codes = ["400", "401", "403", "404", "405", "406", "429", "503"]
            if method in WRITE_METHODS:
                codes += ["409", "415"]
            responses = operation.setdefault("responses", {})
            for code in codes:
                if code in responses:
                    continue
                summary, error_code, detail = ERROR_EXAMPLES[code]
                responses[code] = {
                    "description": summary,
                    "content": {
                        "application/json": {
                            "schema": reference,
                            "example": {
                                "code": error_code,
                                "detail": detail,
                                "field_errors": {},
                                "non_field_errors": [],
                            },
                        }
                    },
                }
    return result


def _document_key(version, public: bool, urlconf) -> tuple:
    return (version, get_language(), public, urlconf or settings.ROOT_URLCONF)


class ProcessCachedSchemaGenerator(SchemaGenerator):
    built: dict = {}

    def get_schema(self, request=None, public=False):
        if self.patterns is not None:  # a hand-picked set of endpoints: not the document
            return super().get_schema(request=request, public=public)
        version = self.api_version or getattr(request, "version", None)
        key = _document_key(version, public, self.urlconf)
        if key not in self.built:
            self.built[key] = super().get_schema(request=request, public=public)
        return self.built[key]


class ProcessCachedSchemaView(SpectacularAPIView):
    """Serves the document from ProcessCachedSchemaGenerator, written once per format."""

    generator_class = ProcessCachedSchemaGenerator
    # (document key, media type) -> (content type, bytes)
    rendered: dict = {}

    def _get_schema_response(self, request):
        response = super()._get_schema_response(request)
        if self.patterns is None:
            # Inside the view's language (``?lang=`` included), as the generator's own key.
            version = self.api_version or request.version or self._get_version_parameter(request)
            response.document_key = _document_key(version, self.serve_public, self.urlconf)
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        key = getattr(response, "document_key", None)
        if key is None or response.status_code != 200:
            return response
        key = (key, response.accepted_media_type)
        if key not in self.rendered:
            response.render()
            self.rendered[key] = (response["Content-Type"], response.content)
        else:
            response["Content-Type"], response.content = self.rendered[key]
        return response
