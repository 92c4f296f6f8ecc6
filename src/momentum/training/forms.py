from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from momentum.training.models import Delivery, Track


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    track = forms.ChoiceField(
        label=_("Track"), required=False, choices=[("", _("All tracks")), *Track.choices]
    )
    delivery = forms.ChoiceField(
        label=_("Delivery"),
        required=False,
        choices=[("", _("All kinds of delivery")), *Delivery.choices],
    )
