"""The mentoring app's JSON API. Each subject module adds its router below."""

from ninja import Router

router = Router(tags=["mentoring"])
