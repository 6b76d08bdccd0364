from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import permissions, serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.response import Response
from rest_framework.views import APIView

from core import roles
from staff_otp.permissions import VerifiedStaffSession


class HoldsAPIRole(permissions.BasePermission):
    """Tokens are for scripts of working-group members (and superusers)."""

    message = _("Only working-group members can manage API tokens.")

    def has_permission(self, request, view):
        user = request.user
        return bool(
            user
            and user.is_authenticated
            and (user.is_superuser or user.groups.filter(name=roles.WORKING_GROUP).exists())
        )


TokenSerializer = inline_serializer(
    name="Token", fields={"token": serializers.CharField(), "created": serializers.DateTimeField()}
)


class TokenView(APIView):
    """Create (or rotate) and revoke the signed-in member's own API token."""

    permission_classes = [HoldsAPIRole, VerifiedStaffSession]

    @extend_schema(request=None, responses={201: TokenSerializer})
    def post(self, request):
        # Rotating: the old key stops working the moment a new one is issued.
        Token.objects.filter(user=request.user).delete()
        token = Token.objects.create(user=request.user)
        return Response(
            {"token": token.key, "created": token.created}, status=status.HTTP_201_CREATED
        )

    @extend_schema(request=None, responses={204: None})
    def delete(self, request):
        Token.objects.filter(user=request.user).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)
