from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from momentum.api import api
from momentum.core import views as core_views
from momentum.people import views as people_views
from momentum.support.views import inbound as support_inbound
from momentum.training.views import certificates as certificate_views

handler400 = "momentum.core.views.bad_request"
handler403 = "momentum.core.views.permission_denied"
handler404 = "momentum.core.views.page_not_found"
handler500 = "momentum.core.views.server_error"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path(
        ".well-known/momentum-certificate-keys.json",
        certificate_views.certificate_keys,
        name="certificate_keys",
    ),
    path("api/v1/", api.urls),
    path("i18n/setlang/", set_language, name="set_language"),
    path("support/inbound-mail/", support_inbound.inbound, name="support_inbound_mail"),
]

urlpatterns += i18n_patterns(
    path("", people_views.home, name="home"),
    path("", include("momentum.core.urls")),
    path("people/", include("momentum.people.urls")),
    path("training/", include("momentum.training.urls")),
    path("hub/", include("momentum.hub.urls")),
    path("mentoring/", include("momentum.mentoring.urls")),
    path("selfassessment/", include("momentum.selfassessment.urls")),
    path("exercise/", include("momentum.exercise.urls")),
    path("results/", include("momentum.results.urls")),
    path("governance/", include("momentum.governance.urls")),
    path("toolkit/", include("momentum.toolkit.urls")),
    path("support/", include("momentum.support.urls")),
    path("needs/", include("momentum.needs.urls")),
    path("screening/", include("momentum.screening.urls")),
    # The short public address printed (as a QR code) on every certificate.
    path("verify/offline/", certificate_views.verify_offline, name="verify_offline"),
    path("verify/<str:code>/", certificate_views.verify, name="verify"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

if settings.DEBUG:  # pragma: no cover - local development only
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
