from django.utils.translation import gettext_lazy as _

from momentum.core.navigation import NavItem, register

register(
    NavItem(_("Training"), "training:catalogue", permission="training.browse_catalogue", order=40),
)
