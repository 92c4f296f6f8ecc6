"""Knowledge Hub: spaces, threads and posts, the resource library, moderation and search.
One module per subject."""

from momentum.hub.models.members import (
    DigestFrequency,
    MemberRole,
    MemberSettings,
    Membership,
    MembershipStatus,
    NameDisplay,
)
from momentum.hub.models.moderation import Flag, FlagReason, FlagStatus, WatchedTerm
from momentum.hub.models.resources import (
    Download,
    Resource,
    ResourceKind,
    ResourceVersion,
    Tag,
)
from momentum.hub.models.search import EntryKind, SearchEntry, SearchToken, SearchWord
from momentum.hub.models.spaces import JoinPolicy, Space, SpaceKind
from momentum.hub.models.threads import (
    Attachment,
    HoldReason,
    Mention,
    Post,
    PostRevision,
    PostStatus,
    Thread,
)

__all__ = [
    "Attachment",
    "DigestFrequency",
    "Download",
    "EntryKind",
    "Flag",
    "FlagReason",
    "FlagStatus",
    "HoldReason",
    "JoinPolicy",
    "MemberRole",
    "MemberSettings",
    "Membership",
    "MembershipStatus",
    "Mention",
    "NameDisplay",
    "Post",
    "PostRevision",
    "PostStatus",
    "Resource",
    "ResourceKind",
    "ResourceVersion",
    "SearchEntry",
    "SearchToken",
    "SearchWord",
    "Space",
    "SpaceKind",
    "Tag",
    "Thread",
    "WatchedTerm",
]
