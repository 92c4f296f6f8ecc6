"""Training's JSON API: courses, sessions, nominations, certificate verification."""

from ninja import Router

from momentum.training.api import catalogue, certificates, nominations

router = Router(tags=["training"])
router.add_router("", catalogue.router)
router.add_router("", nominations.router)
router.add_router("", certificates.router)
