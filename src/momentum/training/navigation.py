from django.utils.translation import gettext_lazy as _

from momentum.core.navigation import NavItem, register

register(
    NavItem(
        _("Training"),
        "training:catalogue",
        permission="training.browse_catalogue",
        order=40,
        group="training",
    ),
)

# --- nominations and selection ---
register(
    NavItem(
        _("My nominations"),
        "training:my_nominations",
        permission="training.view_own_nominations",
        order=41,
        group="training",
    ),
)

# --- sessions ---
register(
    NavItem(
        _("Sessions"),
        "training:sessions",
        permission="training.list_sessions",
        order=40,
        group="training",
    ),
)

# --- certificates, transcripts and exports ---
register(
    NavItem(
        _("My training"),
        "training:my_training",
        permission="training.view_own_transcript",
        order=42,
        group="training",
    ),
)
