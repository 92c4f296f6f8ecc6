"""Forms of certificates, transcripts and exports."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class RevokeCertificateForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the revocation"),
        help_text=_("Kept in the audit log; not shown on the public verification page."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )
