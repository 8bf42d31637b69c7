"""Every URL of ours, with every kind of person, for GET and POST.

The table below is the policy: for each URL name, the status code each actor gets.
A new view cannot be added without a decision here, because
`test_every_url_has_a_policy` walks the URL resolver and fails on any name that is
missing from the table. No probe may ever end in a server error.

302 for anonymous means "sent to sign in". 404 means "we do not say whether this
exists"; 403 means "you can see this group, but this is not for you"; 405 means the
view does not accept that method.

POST probes send valid input for the form (POST_DATA), so an allowed actor goes
through the whole success path and usually gets 302. A 200 or 400 for an allowed
actor means the form came back with a message in place (for example a review, whose
fields depend on the group's items, or the live room's plain form telling someone on
a break why their message has not gone); a refused actor never gets that far.

The actors follow docs/confidentiality.md: besides people in and around the group,
a facilitator of another group of the organisation, a supervisor handling an
escalation about this group (the escalation probed reached them) and an admin of
another organisation. Columns are in ACTORS order; a row written before the last
three actors were added fails `test_policy_rows_name_every_actor` by name.

Each probe runs in a group that has something behind every id: an adopted
agreement (version 1, which every signed-in actor has confirmed), a thread, an
open live room, a join request, an invitation, a directory entry and an
organisation's agreement item. Pages about a person's own post, proposal or
objection (OWN_OBJECTS) are probed with the actor's own, so that a refusal there
comes from the actor's place in the group and never from not being the author.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PASSWORD
from alongside.agreements.models import AgreementVersion, Proposal, ResponseChoice
from alongside.agreements.tests.factories import (
    AgreementItemFactory,
    OrganisationItemFactory,
    ProposalChangeFactory,
    ReadingFactory,
    ResponseFactory,
)
from alongside.buddying.tests.policy_world import POST_DATA as BUDDYING_POST_DATA
from alongside.conversations.models import FilterChoice, Post, Thread, Topic
from alongside.conversations.tests.factories import open_room, thread_with_post
from alongside.insights.tests.policy_world import POLICY as INSIGHTS_POLICY
from alongside.insights.tests.policy_world import POST_DATA as INSIGHTS_POST_DATA
from alongside.meetings.tests.policy_world import POST_DATA as MEETINGS_POST_DATA
from alongside.notifications.tests.factories import NotificationFactory
from alongside.organisations.models import Organisation
from alongside.organisations.tests.factories import (
    InvitationFactory,
    OrganisationFactory,
    OrganisationRoleFactory,
    SupportServiceFactory,
)
from alongside.peergroups.models import JoinPolicy, Membership, PeerGroup, Status
from alongside.peergroups.tests.factories import MembershipFactory, PeerGroupFactory
from alongside.peergroups.tests.states import alert_about_group, person_in_state
from alongside.safetyplans.tests.factories import link_share, plan_with_words

NAMESPACES = (
    "core",
    "accounts",
    "organisations",
    "peergroups",
    "conversations",
    "agreements",
    "notifications",
    "safety",
    "access",
    "privacy",
    "retention",
    "today",
    "supporters",
    "privateconversations",
    "meetings",
    "safetyplans",
    "insights",
    "buddying",
)

ACTORS = (
    "anonymous",
    "outsider",  # a peer of another organisation
    "peer",  # in the organisation, not in the group
    "requested",
    "member",
    "paused",
    "left",
    "facilitator",  # the group's facilitator
    "admin",  # the organisation's admin, not in the group
    "supervisor",  # not in the group, with no escalation about it
    # Added after the first ten; rows written for ten actors fail loudly until these
    # three columns are filled in.
    "other_facilitator",  # facilitates another group of the organisation
    "handler",  # a supervisor handling an escalation about this group
    "other_admin",  # an admin of another organisation
)

# How each actor is made, relative to the group being probed.
ACTOR_STATES = {
    "outsider": "other organisation",
    "peer": "none",
    "requested": "requested",
    "member": "active",
    "paused": "paused",
    "left": "left",
    "facilitator": "facilitator",
    "admin": "org admin",
    "supervisor": "supervisor",
    "other_facilitator": "other group facilitator",
    "handler": "supervisor handling",
    "other_admin": "other organisation admin",
}

# Columns follow ACTORS:
#   anon  outs  peer  req   mem   paus  left  faci  admn  supv  ofac  hand oadm
_OPEN_TO_ALL = (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)
_SIGNED_IN = (302, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)
# Everyone's own data, after the password is typed again (alongside.privacy.views):
# here nobody has typed it again, so all are asked for it.
_PASSWORD_AGAIN = (302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302)
ASKS_FOR_THE_PASSWORD_AGAIN = {
    "privacy:data-download",
    "privacy:data-json",
    "privacy:data-html",
    "organisations:role-change",
}
_IN_ORGANISATION = (302, 404, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 404)
_ADMIN_PAGE = (302, 404, 404, 404, 404, 404, 404, 404, 200, 404, 404, 404, 404)
_ADMIN_DONE = (302, 404, 404, 404, 404, 404, 404, 404, 302, 404, 404, 404, 404)
# Changing who may read people's private words: the admin check first (404 for
# everyone else), then the password again, which nobody here has typed.
_ADMIN_PASSWORD_AGAIN = _ADMIN_DONE
_NO_GET = (302, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405)
_NO_POST = (302, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405)
_NO_POST_PUBLIC = (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405)
_NO_GET_PUBLIC = _NO_POST_PUBLIC
# Conversations: members (active or on a break) read; active members write. Everyone
# else in the organisation, staff included, is refused at the group (403).
_GROUP_READERS = (302, 404, 403, 403, 200, 200, 403, 200, 403, 403, 403, 403, 404)
_GROUP_READERS_DONE = (302, 404, 403, 403, 302, 302, 403, 302, 403, 403, 403, 403, 404)
_GROUP_WRITERS = (302, 404, 403, 403, 200, 403, 403, 200, 403, 403, 403, 403, 404)
_GROUP_WRITERS_DONE = (302, 404, 403, 403, 302, 403, 403, 302, 403, 403, 403, 403, 404)
# Agreements: anyone in the organisation reads the current agreement; proposals,
# discussion and history are 404 outside the group; someone on a break responds but
# does not propose or discuss (403); facilitators' pages are for the active
# facilitator.
_IN_GROUP = (302, 404, 404, 404, 200, 200, 404, 200, 404, 404, 404, 404, 404)
_IN_GROUP_DONE = (302, 404, 404, 404, 302, 302, 404, 302, 404, 404, 404, 404, 404)
_ACTIVE_IN_GROUP = (302, 404, 404, 404, 200, 403, 404, 200, 404, 404, 404, 404, 404)
_ACTIVE_IN_GROUP_DONE = (
    302,
    404,
    404,
    404,
    302,
    403,
    404,
    302,
    404,
    404,
    404,
    404,
    404,
)
_FACILITATOR_PAGE = (302, 404, 404, 404, 403, 403, 404, 200, 404, 404, 404, 404, 404)
_FACILITATOR_DONE = (302, 404, 404, 404, 403, 403, 404, 302, 404, 404, 404, 404, 404)
# My plan: each person's own, whatever their role; nobody else's, not even staff's.
_OWN_DONE = (302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302)
_NOBODY_ELSE = (302, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404)

# Supporters: the organisation's peer supporters, facilitators, supervisors and
# admins; trainers (supervisors and admins); nobody (objects between non-actors).
_SUPPORTER_PAGE = (302, 404, 404, 404, 404, 404, 404, 200, 200, 200, 200, 200, 404)
_SUPPORTER_DONE = (302, 404, 404, 404, 404, 404, 404, 302, 302, 302, 302, 302, 404)
_TRAINERS = (302, 404, 404, 404, 404, 404, 404, 404, 200, 200, 404, 200, 404)
_NOBODY_HERE = (302, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404)
# One-to-one support: the organisation's staff coordinate matching.
_COORDINATORS = (302, 404, 404, 404, 404, 404, 404, 200, 200, 200, 200, 200, 404)
_COORDINATORS_DONE = (302, 404, 404, 404, 404, 404, 404, 302, 302, 302, 302, 302, 404)
_PEER_REFUSED = (302, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 404)
_IN_ORGANISATION_DONE = (
    302,
    404,
    302,
    302,
    302,
    302,
    302,
    302,
    302,
    302,
    302,
    302,
    404,
)

# Phrase rules: the organisation's admins, and facilitators of any of its groups;
# one group's own rule: its facilitators and the admins.
_PHRASE_RULES = (302, 404, 404, 404, 404, 404, 404, 200, 200, 404, 200, 404, 404)
_GROUP_PHRASE_RULE = (302, 404, 404, 404, 404, 404, 404, 200, 200, 404, 404, 404, 404)
_GROUP_PHRASE_RULE_DONE = (
    302,
    404,
    404,
    404,
    404,
    404,
    404,
    302,
    302,
    404,
    404,
    404,
    404,
)

POLICY: dict[str, dict[str, tuple[int, ...]]] = {
    "core:home": {
        # Staff in no group of their own are taken to their Today page.
        #     anon outs peer req  mem  paus left faci admn supv ofac hand oadm
        "GET": (200, 200, 200, 200, 200, 200, 200, 200, 302, 302, 200, 302, 302),
        "POST": _NO_POST_PUBLIC,
    },
    "accounts:settings": {
        "GET": _SIGNED_IN,
        "POST": (302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302),
    },
    # Leaving quickly signs the browser out; signing out nobody changes nothing.
    "accounts:quick-exit-sign-out": {
        "GET": _NO_GET_PUBLIC,
        "POST": (204, 204, 204, 204, 204, 204, 204, 204, 204, 204, 204, 204, 204),
    },
    "access:staff-reads": {
        "GET": _SIGNED_IN,
        "POST": _NO_POST,
    },
    "accounts:second-factor-continue": {
        "GET": (302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302),
        "POST": _NO_POST,
    },
    # A person's own data: everyone signed in downloads their own and may erase their
    # account (the POST erases it and says goodbye), except the organisation's only
    # admin, who is asked kindly to find another admin first (the page again, 200).
    "privacy:data-download": {"GET": _PASSWORD_AGAIN, "POST": _NO_POST},
    "privacy:data-json": {"GET": _PASSWORD_AGAIN, "POST": _NO_POST},
    "privacy:data-html": {"GET": _PASSWORD_AGAIN, "POST": _NO_POST},
    "privacy:account-erase": {
        "GET": _SIGNED_IN,
        "POST": (302, 302, 302, 302, 302, 302, 302, 302, 200, 302, 302, 302, 200),
    },
    "privacy:goodbye": {"GET": _OPEN_TO_ALL, "POST": _NO_POST_PUBLIC},
    "organisations:help": {
        "GET": _OPEN_TO_ALL,
        "POST": _NO_POST_PUBLIC,
    },
    "organisations:organisation-detail": {
        "GET": _IN_ORGANISATION,
        "POST": _NO_POST,
    },
    "organisations:confidentiality": {
        "GET": _IN_ORGANISATION,
        "POST": _NO_POST,
    },
    "organisations:settings-edit": {"GET": _ADMIN_PAGE, "POST": _ADMIN_DONE},
    "organisations:kind-edit": {"GET": _NO_GET, "POST": _ADMIN_DONE},
    "organisations:invitation-list": {"GET": _ADMIN_PAGE, "POST": _ADMIN_DONE},
    # Stopping a code or removing a directory entry asks first (the page), and can
    # be undone for a short while.
    "organisations:invitation-revoke": {"GET": _ADMIN_PAGE, "POST": _ADMIN_DONE},
    "organisations:invitation-restore": {"GET": _NO_GET, "POST": _ADMIN_DONE},
    "organisations:people": {"GET": _ADMIN_PAGE, "POST": _NO_POST},
    "organisations:role-change": {
        "GET": _ADMIN_PASSWORD_AGAIN,
        "POST": _ADMIN_PASSWORD_AGAIN,
    },
    "organisations:directory-manage": {"GET": _ADMIN_PAGE, "POST": _ADMIN_DONE},
    "organisations:directory-edit": {"GET": _ADMIN_PAGE, "POST": _ADMIN_DONE},
    "organisations:directory-remove": {"GET": _ADMIN_PAGE, "POST": _ADMIN_DONE},
    "organisations:directory-restore": {"GET": _NO_GET, "POST": _ADMIN_DONE},
    "peergroups:group-list": {
        "GET": _SIGNED_IN,
        "POST": _NO_POST,
    },
    "peergroups:group-create": {
        #     anon outs peer req  mem  paus left faci admn supv ofac hand oadm
        "GET": (302, 404, 404, 404, 404, 404, 404, 200, 200, 200, 200, 200, 404),
        "POST": (302, 404, 404, 404, 404, 404, 404, 302, 302, 302, 302, 302, 404),
    },
    "peergroups:group-detail": {
        "GET": _IN_ORGANISATION,
        "POST": _NO_POST,
    },
    "peergroups:group-join": {
        #     anon outs peer req  mem  paus left faci admn supv ofac hand oadm
        "GET": (302, 404, 200, 302, 302, 302, 200, 302, 200, 200, 200, 200, 404),
        "POST": (302, 404, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 404),
    },
    "peergroups:membership-pause": {
        # A paused member pressing again is taken back to the group (a double click).
        "GET": _NO_GET,
        "POST": (302, 404, 403, 403, 302, 302, 403, 302, 403, 403, 403, 403, 404),
    },
    "peergroups:membership-return": {
        # The probed group asks first: someone who left asks again (group-join)
        # rather than walking back in; only a paused member comes back here.
        # An active member pressing it (a double click) is taken back to the group.
        "GET": _NO_GET,
        "POST": (302, 404, 403, 403, 302, 302, 403, 302, 403, 403, 403, 403, 404),
    },
    "peergroups:group-leave": {
        # Someone who has left and presses again goes on to the parting note.
        #     anon outs peer req  mem  paus left faci admn supv ofac hand oadm
        "GET": (302, 404, 403, 200, 200, 200, 403, 200, 403, 403, 403, 403, 404),
        "POST": (302, 404, 403, 302, 302, 302, 302, 302, 403, 403, 403, 403, 404),
    },
    "peergroups:display-name-edit": {
        "GET": (302, 404, 403, 403, 200, 200, 403, 200, 403, 403, 403, 403, 404),
        "POST": (302, 404, 403, 403, 302, 302, 403, 302, 403, 403, 403, 403, 404),
    },
    "peergroups:request-list": {
        "GET": (302, 404, 403, 403, 403, 403, 403, 200, 200, 403, 403, 403, 404),
        "POST": _NO_POST,
    },
    "retention:group-delete": {
        # The organisation's admin only; the confirmation types the group's name.
        #      anon outs peer req  mem  paus left faci admn supv ofac hand oadm
        "GET": (302, 404, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 404),
        "POST": (302, 404, 403, 403, 403, 403, 403, 403, 302, 403, 403, 403, 404),
    },
    "peergroups:request-approve": {
        "GET": _NO_GET,
        "POST": (302, 404, 403, 403, 403, 403, 403, 302, 302, 403, 403, 403, 404),
    },
    "peergroups:request-decline": {
        "GET": _NO_GET,
        "POST": (302, 404, 403, 403, 403, 403, 403, 302, 302, 403, 403, 403, 404),
    },
    "conversations:filters-edit": {
        "GET": _SIGNED_IN,
        "POST": (302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302),
    },
    "conversations:thread-list": {"GET": _GROUP_READERS, "POST": _NO_POST},
    "conversations:thread-create": {
        "GET": _GROUP_WRITERS,
        "POST": _GROUP_WRITERS_DONE,
    },
    "conversations:thread-detail": {"GET": _GROUP_READERS, "POST": _NO_POST},
    "conversations:post-reply": {"GET": _NO_GET, "POST": _GROUP_WRITERS_DONE},
    "conversations:post-edit": {"GET": _GROUP_WRITERS, "POST": _GROUP_WRITERS_DONE},
    # Authors remove their own posts even while taking a break.
    "conversations:post-delete": {
        "GET": _GROUP_READERS,
        "POST": _GROUP_READERS_DONE,
    },
    "conversations:post-respond": {"GET": _NO_GET, "POST": _GROUP_WRITERS_DONE},
    "conversations:live-room": {"GET": _GROUP_READERS, "POST": _NO_POST},
    "conversations:live-send": {
        "GET": _NO_GET,
        # Someone on a break gets the plain form back saying why (400); nothing is
        # posted.
        #     anon outs peer req  mem  paus left faci admn supv ofac hand oadm
        "POST": (302, 404, 403, 403, 302, 400, 403, 302, 403, 403, 403, 403, 404),
    },
    "conversations:room-manage": {
        "GET": _NO_GET,
        "POST": (302, 404, 403, 403, 403, 403, 403, 302, 403, 403, 403, 403, 404),
    },
    "conversations:step-away": {"GET": _GROUP_READERS, "POST": _NO_POST},
    "conversations:participation-edit": {
        "GET": _GROUP_READERS,
        "POST": _GROUP_READERS_DONE,
    },
    "agreements:agreement-detail": {"GET": _IN_ORGANISATION, "POST": _NO_POST},
    "agreements:agreement-print": {"GET": _IN_ORGANISATION, "POST": _NO_POST},
    "agreements:agreement-pdf": {"GET": _IN_ORGANISATION, "POST": _NO_POST},
    "agreements:version-list": {"GET": _IN_GROUP, "POST": _NO_POST},
    "agreements:version-detail": {"GET": _IN_GROUP, "POST": _NO_POST},
    "agreements:reading-confirm": {"GET": _NO_GET, "POST": _IN_GROUP_DONE},
    "agreements:reading-talk-first": {"GET": _NO_GET, "POST": _IN_GROUP_DONE},
    "agreements:proposal-create": {
        "GET": _ACTIVE_IN_GROUP,
        "POST": _ACTIVE_IN_GROUP_DONE,
    },
    "agreements:proposal-detail": {"GET": _IN_GROUP, "POST": _NO_POST},
    "agreements:response-save": {"GET": _NO_GET, "POST": _IN_GROUP_DONE},
    "agreements:objection-withdraw": {"GET": _NO_GET, "POST": _IN_GROUP_DONE},
    "agreements:comment-create": {"GET": _NO_GET, "POST": _ACTIVE_IN_GROUP_DONE},
    "agreements:proposal-amend": {
        "GET": _ACTIVE_IN_GROUP,
        "POST": _ACTIVE_IN_GROUP_DONE,
    },
    "agreements:proposal-withdraw": {"GET": _NO_GET, "POST": _IN_GROUP_DONE},
    "agreements:proposal-adopt": {"GET": _NO_GET, "POST": _FACILITATOR_DONE},
    # The review form has a choice per item, so the probe's POST comes back to the
    # facilitator with its messages (200).
    "agreements:review-start": {"GET": _FACILITATOR_PAGE, "POST": _FACILITATOR_PAGE},
    "agreements:agreement-settings": {
        "GET": _FACILITATOR_PAGE,
        "POST": _FACILITATOR_DONE,
    },
    "agreements:talk-list": {"GET": _FACILITATOR_PAGE, "POST": _NO_POST},
    "agreements:organisation-items": {"GET": _ADMIN_PAGE, "POST": _ADMIN_DONE},
    "agreements:organisation-item-edit": {"GET": _ADMIN_PAGE, "POST": _ADMIN_DONE},
    "agreements:organisation-item-remove": {"GET": _ADMIN_PAGE, "POST": _ADMIN_DONE},
    "agreements:organisation-item-restore": {"GET": _NO_GET, "POST": _ADMIN_DONE},
    # A home for staff: anyone with a staff role in any organisation; peers never.
    "today:page": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 200, 200, 200, 200, 200, 200),
        "POST": _NO_POST,
    },
    "notifications:inbox": {
        "GET": _SIGNED_IN,
        "POST": _NO_POST,
    },
    # Opening one's own note marks it read and goes where it points; anyone else's
    # is 404 (alongside/notifications/tests).
    "notifications:notification-open": {
        "GET": (302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302),
        "POST": _NO_POST,
    },
    "notifications:inbox-read": {
        "GET": _NO_GET,
        "POST": (302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302),
    },
    # Safety. The post probed is someone else's shared post in the group; the
    # decision, escalation and incident are about it.
    "safety:post-report": {
        #     anon outs peer req  mem  paus left faci admn supv ofac hand oadm
        "GET": (302, 404, 403, 403, 200, 200, 403, 200, 403, 403, 403, 403, 404),
        "POST": (302, 404, 403, 403, 302, 302, 403, 302, 403, 403, 403, 403, 404),
    },
    "safety:post-redact": {
        "GET": _NO_GET,
        "POST": (302, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 404),
    },
    "safety:post-appeal": {
        "GET": (302, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 404),
        "POST": (302, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 404),
    },
    "safety:queue": {
        "GET": (302, 404, 403, 403, 403, 403, 403, 200, 200, 403, 403, 403, 404),
        "POST": _NO_POST,
    },
    "safety:queue-decide": {
        "GET": (302, 404, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 404),
        "POST": (302, 404, 403, 403, 403, 403, 403, 302, 403, 403, 403, 403, 404),
    },
    "safety:decision-detail": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 200, 404, 404, 404, 404, 404),
        "POST": (302, 404, 404, 404, 404, 404, 404, 403, 404, 404, 404, 404, 404),
    },
    "safety:duty": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 200, 200, 200, 200, 200, 200),
        "POST": (302, 404, 404, 404, 404, 404, 404, 302, 302, 302, 302, 302, 302),
    },
    "safety:escalation-detail": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 200, 404, 404, 404, 200, 404),
        "POST": _NO_POST,
    },
    "safety:escalation-acknowledge": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 302, 404, 404, 404, 302, 404),
        "POST": (302, 404, 404, 404, 404, 404, 404, 302, 404, 404, 404, 302, 404),
    },
    # "Message them": opening the link goes back to the alert; sending opens a
    # private conversation with the person and takes them there.
    "safety:escalation-message": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 302, 404, 404, 404, 302, 404),
        "POST": (302, 404, 404, 404, 404, 404, 404, 302, 404, 404, 404, 302, 404),
    },
    # A supporter's call for help now (docs/supporters.md): the supporter's own
    # page; the call probed reached the organisation's supervisors and admins.
    "safety:help-now": {"GET": _SUPPORTER_PAGE, "POST": _SUPPORTER_DONE},
    "safety:help-alert": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 404, 200, 200, 404, 200, 404),
        "POST": (302, 404, 404, 404, 404, 404, 404, 404, 302, 302, 404, 302, 404),
    },
    "safety:chain-edit": {"GET": _ADMIN_PAGE, "POST": _ADMIN_DONE},
    # Phrase rules: the organisation's admins and its groups' facilitators. The rule
    # probed is the group's own, which a facilitator of another group cannot see. A
    # new rule sent with no group is for the whole service, which only admins set:
    # facilitators get the form back saying to choose their group (400).
    "safety:phrase-rule-list": {"GET": _PHRASE_RULES, "POST": _NO_POST},
    "safety:phrase-rule-create": {
        "GET": _PHRASE_RULES,
        #     anon outs peer req  mem  paus left faci admn supv ofac hand oadm
        "POST": (302, 404, 404, 404, 404, 404, 404, 400, 302, 404, 400, 404, 404),
    },
    "safety:phrase-rule-try": {"GET": _PHRASE_RULES, "POST": _PHRASE_RULES},
    "safety:phrase-rule-detail": {
        "GET": _GROUP_PHRASE_RULE,
        "POST": _GROUP_PHRASE_RULE_DONE,
    },
    "safety:phrase-rule-switch": {"GET": _NO_GET, "POST": _GROUP_PHRASE_RULE_DONE},
    "safety:incident-list": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 200, 200, 200, 200, 200, 404),
        "POST": _NO_POST,
    },
    "safety:incident-create": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 200, 200, 200, 200, 200, 404),
        "POST": (302, 404, 404, 404, 404, 404, 404, 302, 302, 302, 302, 302, 404),
    },
    "safety:incident-detail": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 200, 200, 200, 404, 200, 404),
        "POST": _NO_POST,
    },
    "safety:incident-update": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 200, 200, 200, 404, 200, 404),
        "POST": (302, 404, 404, 404, 404, 404, 404, 302, 302, 302, 404, 302, 404),
    },
    # Supporters (docs/supporters.md): pages for the organisation's peer supporters,
    # facilitators, supervisors and admins; supervision notes and check-ins are for
    # their own people only (the probed ones are between people who are not actors);
    # the help request probed reached the organisation's supervisors.
    #         anon outs peer req  mem  paus left faci admn supv ofac hand oadm
    "supporters:index": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 302, 302, 302, 302, 302, 302),
        "POST": _NO_POST,
    },
    "supporters:mine": {"GET": _SUPPORTER_PAGE, "POST": _NO_POST},
    "supporters:help-ask": {"GET": _NO_GET, "POST": _SUPPORTER_DONE},
    "supporters:help-detail": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 404, 404, 200, 404, 200, 404),
        "POST": (302, 404, 404, 404, 404, 404, 404, 404, 404, 302, 404, 302, 404),
    },
    "supporters:session-detail": {"GET": _NOBODY_HERE, "POST": _NOBODY_HERE},
    # Debriefs: the probed one is between people who are not actors.
    "supporters:debrief": {"GET": _NOBODY_HERE, "POST": _NOBODY_HERE},
    "supporters:debrief-detail": {"GET": _NOBODY_HERE, "POST": _NO_POST},
    "supporters:debrief-list": {"GET": _SUPPORTER_PAGE, "POST": _NO_POST},
    "supporters:check-in-share": {"GET": _NO_GET, "POST": _NOBODY_HERE},
    "supporters:training": {"GET": _ADMIN_PAGE, "POST": _ADMIN_DONE},
    "supporters:module-remove": {"GET": _ADMIN_PAGE, "POST": _ADMIN_DONE},
    "supporters:module-restore": {"GET": _NO_GET, "POST": _ADMIN_DONE},
    # The probe cannot name a supporter or module by id, so an allowed POST comes
    # back with its message in place (200).
    "supporters:training-record": {"GET": _TRAINERS, "POST": _TRAINERS},
    "supporters:session-create": {"GET": _TRAINERS, "POST": _TRAINERS},
    "supporters:team": {
        "GET": _TRAINERS,
        "POST": (302, 404, 404, 404, 404, 404, 404, 404, 200, 404, 404, 404, 404),
    },
    "supporters:registration": {
        "GET": _NO_GET,
        "POST": (302, 404, 404, 404, 404, 404, 404, 404, 302, 302, 404, 302, 404),
    },
    "supporters:check-in": {"GET": _SUPPORTER_PAGE, "POST": _SUPPORTER_DONE},
    "supporters:caseload": {"GET": _NO_GET, "POST": _SUPPORTER_DONE},
    "supporters:rota": {"GET": _SUPPORTER_PAGE, "POST": _ADMIN_DONE},
    # The shift probed is a gap anyone's kind may take; asking for a swap of
    # someone else's shift is refused with a message on the rota (302 too).
    "supporters:shift-swap": {"GET": _NO_GET, "POST": _SUPPORTER_DONE},
    "supporters:shift-take": {"GET": _NO_GET, "POST": _SUPPORTER_DONE},
    # Private conversations: each actor is probed with their own (see
    # alongside/privateconversations/tests/policy_world.py): the organisation's staff
    # joined one with a peer after it began; anyone else in the organisation is the
    # person one is with. Nobody outside it finds it.
    #     anon outs peer req  mem  paus left faci admn supv ofac hand oadm
    "privateconversations:inbox": {"GET": _SIGNED_IN, "POST": _NO_POST},
    "privateconversations:conversation-detail": {
        "GET": (302, 404, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 404),
        "POST": _NO_POST,
    },
    "privateconversations:message-send": {
        "GET": _NO_GET,
        "POST": (302, 404, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 404),
    },
    # Only someone from the team who joined later has earlier messages to read.
    "privateconversations:earlier-messages": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 200, 200, 200, 200, 200, 404),
        "POST": _NO_POST,
    },
    "privateconversations:conversation-leave": {
        "GET": (302, 404, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 404),
        "POST": (302, 404, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 404),
    },
    "privateconversations:someone-else": {
        "GET": (302, 404, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 404),
        "POST": (302, 404, 302, 302, 302, 302, 302, 403, 403, 403, 403, 403, 404),
    },
    # A held message from the person: the team shares it after reading it.
    "privateconversations:held-share": {
        "GET": _NO_GET,
        "POST": (302, 404, 404, 404, 404, 404, 404, 302, 302, 302, 302, 302, 404),
    },
    # Someone already in it who follows a "waiting" link lands in the conversation.
    "privateconversations:waiting-detail": {
        "GET": (302, 404, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 404),
        "POST": (302, 404, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 404),
    },
    # Peers write to the team first where the organisation allows it (it does here).
    "privateconversations:team-message": {
        "GET": (302, 404, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 404),
        "POST": (302, 404, 302, 302, 302, 302, 302, 403, 403, 403, 403, 403, 404),
    },
    # One-to-one support (alongside/buddying/tests/policy_world.py): the request
    # probed is another peer's, seen only by the organisation's staff, who match
    # it; the offer probed is to a supporter who is no actor, so nobody else finds
    # it. Pages of a match are probed with the actor's own (as its peer) where
    # they are in the organisation.
    #     anon outs peer req  mem  paus left faci admn supv ofac hand oadm
    "buddying:index": {"GET": _SIGNED_IN, "POST": _NO_POST},
    "buddying:request-create": {"GET": _IN_ORGANISATION, "POST": _IN_ORGANISATION_DONE},
    "buddying:request-withdraw": {"GET": _NOBODY_HERE, "POST": _NOBODY_HERE},
    "buddying:coordinate": {"GET": _COORDINATORS, "POST": _NO_POST},
    "buddying:request-match": {"GET": _COORDINATORS, "POST": _COORDINATORS_DONE},
    "buddying:offer-detail": {"GET": _NOBODY_HERE, "POST": _NO_POST},
    "buddying:offer-accept": {"GET": _NO_GET, "POST": _NOBODY_HERE},
    "buddying:offer-decline": {"GET": _NO_GET, "POST": _NOBODY_HERE},
    "buddying:match-detail": {"GET": _IN_ORGANISATION, "POST": _NO_POST},
    "buddying:match-change": {"GET": _IN_ORGANISATION, "POST": _IN_ORGANISATION_DONE},
    "buddying:agreement": {"GET": _IN_ORGANISATION, "POST": _NO_POST},
    "buddying:agreement-propose": {
        "GET": _IN_ORGANISATION,
        "POST": _IN_ORGANISATION_DONE,
    },
    "buddying:agreement-agree": {"GET": _NO_GET, "POST": _IN_ORGANISATION_DONE},
    "buddying:agreement-print": {"GET": _IN_ORGANISATION, "POST": _NO_POST},
    "buddying:agreement-download": {"GET": _IN_ORGANISATION, "POST": _NO_POST},
    "buddying:profile-edit": {"GET": _SUPPORTER_PAGE, "POST": _SUPPORTER_DONE},
    # The actor is the peer of the match probed: only its supporter writes notes.
    "buddying:note-create": {"GET": _PEER_REFUSED, "POST": _PEER_REFUSED},
    "buddying:meeting-create": {
        "GET": _IN_ORGANISATION,
        "POST": _IN_ORGANISATION_DONE,
    },
    # Either of the two cancels a meeting not yet started; the probed meeting
    # started two hours ago, so the pair's peer is told so kindly on the match page.
    "buddying:meeting-cancel": {
        "GET": _IN_ORGANISATION_DONE,
        "POST": _IN_ORGANISATION_DONE,
    },
    # Only the other side says yes or that the time does not work, and only the
    # one who asked withdraws, before the start: the probed meeting (asked by the
    # supporter, agreed, started two hours ago) sends the peer back to the match
    # page, told kindly why nothing changed.
    "buddying:meeting-agree": {"GET": _NO_GET, "POST": _IN_ORGANISATION_DONE},
    "buddying:meeting-decline": {"GET": _NO_GET, "POST": _IN_ORGANISATION_DONE},
    "buddying:meeting-withdraw": {"GET": _NO_GET, "POST": _IN_ORGANISATION_DONE},
    # Only the supporter checks in and out of an in-person meeting.
    "buddying:meeting-check-in": {"GET": _NO_GET, "POST": _PEER_REFUSED},
    "buddying:meeting-check-out": {"GET": _NO_GET, "POST": _PEER_REFUSED},
    "buddying:check-answer": {"GET": _IN_ORGANISATION, "POST": _IN_ORGANISATION_DONE},
    "buddying:match-end": {"GET": _IN_ORGANISATION, "POST": _IN_ORGANISATION_DONE},
    # The ending and referrals on (alongside/buddying/ending_views.py). The match
    # probed is still under way: its survey comes after the end, and deleting the
    # conversation is refused kindly (the page says why); only the supporter
    # refers on. The referral probed was made under the limits of confidentiality
    # by a supporter with no supervisor, about a peer who is no actor: only the
    # organisation's supervisors and admins (the handler is a supervisor) see and
    # sign it.
    #     anon outs peer req  mem  paus left faci admn supv ofac hand oadm
    "buddying:survey-answer": {"GET": _PEER_REFUSED, "POST": _PEER_REFUSED},
    "buddying:surveys": {"GET": _COORDINATORS, "POST": _NO_POST},
    "buddying:conversation-delete": {
        "GET": _IN_ORGANISATION,
        "POST": _IN_ORGANISATION_DONE,
    },
    "buddying:referral-create": {"GET": _PEER_REFUSED, "POST": _PEER_REFUSED},
    "buddying:referral-detail": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 404, 200, 200, 404, 200, 404),
        "POST": _NO_POST,
    },
    "buddying:referral-consent": {
        "GET": _NO_GET,
        "POST": (302, 404, 404, 404, 404, 404, 404, 404, 302, 302, 404, 302, 404),
    },
    "buddying:referral-countersign": {
        "GET": _NO_GET,
        "POST": (302, 404, 404, 404, 404, 404, 404, 404, 302, 302, 404, 302, 404),
    },
    "buddying:referrals-to-sign": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 404, 200, 200, 404, 200, 200),
        "POST": _NO_POST,
    },
    # The check after a meeting that has ended: the actor is the match's peer.
    "buddying:meeting-check": {
        "GET": _IN_ORGANISATION,
        "POST": _IN_ORGANISATION_DONE,
    },
    # How one-to-one support works in the organisation: its coordinators set it.
    "buddying:pair-settings": {"GET": _COORDINATORS, "POST": _COORDINATORS_DONE},
    # Meetings. The probed meeting is next week at a venue, shown to people
    # thinking of joining; members take part; the facilitator manages; venues are
    # the organisation's staff's. The calendar feed is public by design: its long
    # random token is the key (the probe uses a member's).
    "meetings:meeting-list": {"GET": _IN_ORGANISATION, "POST": _NO_POST},
    "meetings:occurrence-detail": {"GET": _IN_ORGANISATION, "POST": _NO_POST},
    "meetings:meeting-create": {
        #     anon outs peer req  mem  paus left faci admn supv ofac hand oadm
        "GET": (302, 404, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 404),
        "POST": (302, 404, 403, 403, 403, 403, 403, 302, 403, 403, 403, 403, 404),
    },
    "meetings:occurrence-move": {
        "GET": (302, 404, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 404),
        "POST": (302, 404, 403, 403, 403, 403, 403, 302, 403, 403, 403, 403, 404),
    },
    "meetings:occurrence-cancel": {
        "GET": _NO_GET,
        "POST": (302, 404, 403, 403, 403, 403, 403, 302, 403, 403, 403, 403, 404),
    },
    # Who facilitated (docs/supporters.md): the group's active facilitators; the
    # probed meeting has not happened yet, so the page says so, and an empty
    # choice is refused in place.
    "meetings:who-facilitated": {
        "GET": (302, 404, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 404),
        "POST": (302, 404, 403, 403, 403, 403, 403, 400, 403, 403, 403, 403, 404),
    },
    "meetings:head-count-save": {
        "GET": _NO_GET,
        "POST": (302, 404, 403, 403, 403, 403, 403, 302, 403, 403, 403, 403, 404),
    },
    "meetings:rsvp-save": {
        "GET": _NO_GET,
        "POST": (302, 404, 403, 403, 302, 302, 403, 302, 403, 403, 403, 403, 404),
    },
    "meetings:occurrence-ics": {
        "GET": (302, 404, 403, 403, 200, 200, 403, 200, 403, 403, 403, 403, 404),
        "POST": _NO_POST,
    },
    # The three questions about a venue: members, after a meeting there (the probed
    # one is next week, so the page says so and the POST says so kindly).
    "meetings:venue-check": {
        "GET": (302, 404, 403, 403, 200, 200, 403, 200, 403, 403, 403, 403, 404),
        "POST": (302, 404, 403, 403, 302, 302, 403, 302, 403, 403, 403, 403, 404),
    },
    "meetings:choices-edit": {
        "GET": (302, 404, 403, 403, 200, 200, 403, 200, 403, 403, 403, 403, 404),
        "POST": (302, 404, 403, 403, 302, 302, 403, 302, 403, 403, 403, 403, 404),
    },
    "meetings:calendar-settings": {
        "GET": _SIGNED_IN,
        "POST": (302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302),
    },
    "meetings:calendar-feed": {"GET": _OPEN_TO_ALL, "POST": _NO_POST_PUBLIC},
    "meetings:venue-list": {
        #     anon outs peer req  mem  paus left faci admn supv ofac hand oadm
        "GET": (302, 404, 404, 404, 404, 404, 404, 200, 200, 200, 200, 200, 404),
        "POST": (302, 404, 404, 404, 404, 404, 404, 302, 302, 302, 302, 302, 404),
    },
    "meetings:venue-edit": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 200, 200, 200, 200, 200, 404),
        "POST": (302, 404, 404, 404, 404, 404, 404, 302, 302, 302, 302, 302, 404),
    },
    "meetings:venue-checklist": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 200, 200, 200, 200, 200, 404),
        "POST": (302, 404, 404, 404, 404, 404, 404, 302, 302, 302, 302, 302, 404),
    },
    "meetings:venue-waive": {
        # Only the organisation's admin lets meetings go ahead before the checklist.
        "GET": _NO_GET,
        "POST": (302, 404, 404, 404, 404, 404, 404, 403, 302, 403, 403, 403, 404),
    },
    "meetings:venue-remove": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 200, 200, 200, 200, 200, 404),
        "POST": (302, 404, 404, 404, 404, 404, 404, 302, 302, 302, 302, 302, 404),
    },
    "meetings:venue-restore": {
        "GET": _NO_GET,
        "POST": (302, 404, 404, 404, 404, 404, 404, 302, 302, 302, 302, 302, 404),
    },
    # My plan. Every page is about the actor's own plan (versions and shares are
    # probed with their own); a plan shared with someone else is 404 to every
    # actor, staff and the escalation's handler included. A shared link opens for
    # whoever holds it, signed in or not, until it is stopped or ends.
    "safetyplans:plan-detail": {"GET": _SIGNED_IN, "POST": _NO_POST},
    "safetyplans:section-edit": {"GET": _SIGNED_IN, "POST": _OWN_DONE},
    "safetyplans:version-list": {"GET": _SIGNED_IN, "POST": _NO_POST},
    "safetyplans:version-detail": {"GET": _SIGNED_IN, "POST": _NO_POST},
    "safetyplans:plan-print": {"GET": _SIGNED_IN, "POST": _NO_POST},
    "safetyplans:plan-pdf": {"GET": _SIGNED_IN, "POST": _NO_POST},
    "safetyplans:share-list": {"GET": _SIGNED_IN, "POST": _OWN_DONE},
    "safetyplans:share-revoke": {"GET": _NO_GET, "POST": _OWN_DONE},
    "safetyplans:reminder-edit": {"GET": _SIGNED_IN, "POST": _OWN_DONE},
    "safetyplans:pin-edit": {"GET": _SIGNED_IN, "POST": _OWN_DONE},
    "safetyplans:plan-lock": {"GET": _NO_GET, "POST": _OWN_DONE},
    # With no PIN set, the unlock pages go straight on to the plan.
    "safetyplans:plan-unlock": {"GET": _OWN_DONE, "POST": _OWN_DONE},
    "safetyplans:pin-reset": {"GET": _OWN_DONE, "POST": _OWN_DONE},
    "safetyplans:shared-list": {"GET": _SIGNED_IN, "POST": _NO_POST},
    "safetyplans:shared-detail": {"GET": _NOBODY_ELSE, "POST": _NO_POST},
    "safetyplans:link-view": {"GET": _OPEN_TO_ALL, "POST": _NO_POST_PUBLIC},
    **INSIGHTS_POLICY,
}

# Valid input for each form, so that allowed POSTs exercise the whole success path.
CLIENT_ID = "5b0d3c52-3f7e-4c5e-9a57-0c6f3f0e2a11"  # each probe's actor is new
PROBED_GROUP_NAME = "The probed group"

POST_DATA: dict[str, dict[str, Any]] = {
    "accounts:settings": {"email": ""},
    "privacy:account-erase": {"posts": "keep", "password": PASSWORD},
    "organisations:settings-edit": {
        "name": "A renamed service",
        "about": "About us.",
        "confidentiality_statement": "What is shared here stays here.",
        "group_creation": "staff",
    },
    "organisations:kind-edit": {"setting": "workplace"},
    "organisations:invitation-list": {
        "label": "For a new colleague",
        "role": "peer",
        "max_uses": "1",
        "valid_for_days": "30",
    },
    "organisations:directory-manage": {
        "name": "A listening line",
        "purpose": "Someone to talk to.",
        "position": "1",
    },
    "organisations:role-change": {"role": "peer_supporter"},
    "organisations:directory-edit": {
        "name": "A listening line",
        "purpose": "Someone to talk to.",
        "position": "1",
    },
    "conversations:filters-edit": {
        topic: FilterChoice.COLLAPSE for topic in Topic.values
    },
    "conversations:thread-create": {
        "kind": "sharing",
        "title": "A title",
        "body": "placeholder words",
        "client_id": CLIENT_ID,
    },
    "conversations:post-reply": {
        "kind": "offering",
        "body": "placeholder words",
        "client_id": CLIENT_ID,
    },
    "conversations:post-edit": {"body": "other placeholder words"},
    "conversations:post-respond": {"kind": "hear_you"},
    "conversations:live-send": {"body": "placeholder words", "client_id": CLIENT_ID},
    "conversations:room-manage": {"action": "open"},
    "conversations:participation-edit": {"is_just_listening": "on"},
    "agreements:proposal-create": {
        "action": "add",
        "text": "A made-up new item.",
        "reason": "A made-up reason.",
    },
    "agreements:response-save": {"choice": "agree"},
    "agreements:comment-create": {"text": "A made-up thought."},
    "agreements:proposal-amend": {
        "action": "add",
        "text": "A made-up new wording.",
        "reason": "A made-up reason.",
    },
    "agreements:review-start": {"reason": "Our regular look at the agreement."},
    "agreements:agreement-settings": {"consent_days": "3", "review_months": "12"},
    "agreements:organisation-items": {"kind": "example", "text": "A made-up item."},
    "agreements:organisation-item-edit": {
        "kind": "baseline",
        "text": "A made-up item.",
    },
    "peergroups:group-create": {
        "name": "A new circle",
        "shared_experience": "Something we have in common.",
        "tags": "one, two",
        "format": "online",
        "join_policy": "open",
        "is_listed": "on",
    },
    "peergroups:group-join": {"display_name": "Fresh Name"},
    "retention:group-delete": {"name": PROBED_GROUP_NAME},
    "peergroups:display-name-edit": {"display_name": "Another Name"},
    "safety:post-report": {"reason": "other"},
    "safety:post-appeal": {"note": ""},
    "safety:queue-decide": {"action": "publish", "reason": "It is fine."},
    "safety:decision-detail": {"reply": "Thank you."},
    "safety:chain-edit": {"minutes_before_moving_up": "10"},
    "safety:phrase-rule-create": {"pattern": "weigh in", "action": "hold"},
    "safety:phrase-rule-try": {"sample": "A made-up weigh in."},
    "safety:phrase-rule-detail": {
        "pattern": "weigh-in*",
        "action": "hold",
        "is_active": "on",
    },
    "safety:incident-create": {
        "category": "other",
        "severity": "low",
        "what_happened": "Written for the test.",
    },
    "safety:incident-update": {"outcome": "Written for the test."},
    "supporters:help-ask": {"urgency": "soon"},
    "supporters:training": {
        "name": "A made-up module",
        "hours": "2",
        "evidence": "attended",
        "refresh_months": "12",
    },
    "supporters:check-in": {"feeling": "3", "load": "manageable"},
    "supporters:caseload": {"max_matches": "2"},
    "supporters:rota": {
        "kind": "live_rooms",
        "starts_at": "2030-01-07T09:00",
        "ends_at": "2030-01-07T13:00",
    },
    "safety:escalation-message": {"body": "placeholder words", "client_id": CLIENT_ID},
    "privateconversations:message-send": {
        "body": "placeholder words",
        "client_id": CLIENT_ID,
    },
    "privateconversations:team-message": {
        "body": "placeholder words",
        "client_id": CLIENT_ID,
    },
    **MEETINGS_POST_DATA,
    **BUDDYING_POST_DATA,
    "safetyplans:section-edit": {"text": "A made-up thing that helps."},
    "safetyplans:share-list": {"kind": "link", "days": "30", "shown_as": ""},
    "safetyplans:reminder-edit": {"review_months": "3"},
    "safetyplans:pin-edit": {"pin": "2468", "pin_again": "2468"},
    "safetyplans:plan-unlock": {"pin": "2468"},
    "safetyplans:pin-reset": {"password": PASSWORD},
    **INSIGHTS_POST_DATA,
}


def our_url_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns: list[Any], namespace: str | None) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or namespace
                walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and namespace in NAMESPACES:
                assert pattern.name, f"an unnamed URL in {namespace}: {pattern}"
                names.add(f"{namespace}:{pattern.name}")

    walk(get_resolver().url_patterns, None)
    return names


PROBES = [
    (name, method, actor, expected)
    for name, methods in POLICY.items()
    for method, statuses in methods.items()
    for actor, expected in zip(ACTORS, statuses, strict=True)
]
probes_run = 0


# Pages about the actor's own post or proposal (and, for withdrawing an objection,
# the actor's own objection) are probed with the actor's own; others with another
# member's.
OWN_OBJECTS = frozenset(
    {
        "conversations:post-edit",
        "conversations:post-delete",
        "agreements:proposal-amend",
        "agreements:proposal-withdraw",
        "agreements:objection-withdraw",
        "notifications:notification-open",
        "safetyplans:version-detail",
        "safetyplans:share-revoke",
    }
)


@dataclass
class World:
    organisation: Organisation
    group: PeerGroup
    pending: Membership
    author: Person  # an active member who wrote the thread and proposes changes
    version: AgreementVersion
    thread: Thread

    def kwargs_for(self, name: str, actor: Person | None = None) -> dict[str, Any]:
        owner = actor if actor is not None and name in OWN_OBJECTS else self.author
        available: dict[str, Callable[[], Any]] = {
            "group_id": lambda: self.group.pk,
            "organisation_slug": lambda: self.organisation.slug,
            "slug": lambda: self.organisation.slug,
            "membership_id": lambda: self.pending.pk,
            "invitation_id": lambda: (
                InvitationFactory.create(organisation=self.organisation).pk
            ),
            "service_id": lambda: (
                SupportServiceFactory.create(organisation=self.organisation).pk
            ),
            "role_id": lambda: (
                OrganisationRoleFactory.create(organisation=self.organisation).pk
            ),
            "thread_id": lambda: self.thread.pk,
            "post_id": lambda: self.post_by(owner).pk,
            "proposal_id": lambda: self.proposal_by(owner).pk,
            "number": lambda: self.version.number,
            "item_id": lambda: (
                OrganisationItemFactory.create(organisation=self.organisation).pk
            ),
            "notification_id": lambda: (
                NotificationFactory.create(person=owner, link="/").pk
            ),
            # My plan: the owner's own (or the group author's, for pages that are
            # nobody else's).
            "section": lambda: "holding-on",
            "layout": lambda: "a4",
            "version_number": lambda: plan_with_words(owner).versions.count(),
            "share_id": lambda: link_share(owner)[0].pk,
            "token": lambda: link_share(self.author)[1],
        }
        parameters = _route_parameters(name)
        if name.startswith("supporters:"):
            from alongside.supporters.tests.policy_world import supporters_objects

            prepared = supporters_objects(self.group)
            return {
                key: prepared[key] if key in prepared else available[key]()
                for key in parameters
            }
        if name.startswith("privateconversations:"):
            from alongside.privateconversations.tests.policy_world import (
                private_objects,
            )

            private = private_objects(self.group, actor)
            return {key: private[key] for key in parameters}
        if name.startswith("buddying:"):
            from alongside.buddying.tests.policy_world import buddying_objects

            made = buddying_objects(self.group, actor, name)
            return {key: made[key] for key in parameters}
        if name.startswith("meetings:"):
            from alongside.meetings.tests.policy_world import meetings_objects

            made = meetings_objects(self.group)
            return {
                key: made[key] if key in made else available[key]()
                for key in parameters
            }
        if name.startswith("insights:"):
            from alongside.insights.tests.policy_world import insights_objects

            made = insights_objects(self.group)
            return {
                key: made[key] if key in made else available[key]()
                for key in parameters
            }
        if name.startswith("safety:"):
            from alongside.safety.tests.policy_world import safety_objects

            prepared = safety_objects(self.group)
            return {
                key: prepared[key] if key in prepared else available[key]()
                for key in parameters
            }
        return {key: available[key]() for key in parameters}

    def post_by(self, author: Person) -> Post:
        return thread_with_post(self.group, author).posts.get()

    def proposal_by(self, proposer: Person) -> Proposal:
        """An open proposal whose round has run its time, so that it can be adopted
        while nobody objects. The group's author agrees with their own; an actor
        given a proposal of their own objects to it (a proposer may change their
        "agree"), so that one proposal serves rewording, withdrawing it and
        withdrawing an objection."""
        proposal = ProposalChangeFactory.create(
            proposal__agreement=self.version.agreement,
            proposal__proposed_by=proposer,
            proposal__round_started_at=timezone.now() - timedelta(days=30),
        ).proposal
        ResponseFactory.create(
            proposal=proposal,
            person=proposer,
            choice=ResponseChoice.AGREE
            if proposer == self.author
            else ResponseChoice.OBJECT,
            reason="A made-up reason.",
        )
        return proposal


def _route_parameters(name: str) -> list[str]:
    namespace, _, url_name = name.partition(":")
    _, resolver = get_resolver().namespace_dict[namespace]
    possibilities = resolver.reverse_dict.getlist(url_name)
    assert possibilities, name
    _, _, _, converters = possibilities[0]
    return list(converters)


def build_world() -> World:
    organisation = OrganisationFactory.create()
    group = PeerGroupFactory.create(
        organisation=organisation,
        name=PROBED_GROUP_NAME,
        join_policy=JoinPolicy.REQUEST,
    )
    requester = person_in_state("none", group)
    pending = MembershipFactory.create(
        group=group, person=requester, status=Status.REQUESTED
    )
    author = person_in_state("active", group)
    version = AgreementItemFactory.create(version__agreement__group=group).version
    ReadingFactory.create(version=version, person=author)
    open_room(group)
    return World(
        organisation=organisation,
        group=group,
        pending=pending,
        author=author,
        version=version,
        thread=thread_with_post(group, author),
    )


def client_for_actor(actor: str, world: World) -> tuple[Client, Person | None]:
    client = Client()
    if actor == "anonymous":
        return client, None
    person = person_in_state(ACTOR_STATES[actor], world.group)
    # Everyone has confirmed the group agreement, so posting is decided by the
    # person's place in the group alone.
    ReadingFactory.create(version=world.version, person=person)
    client.force_login(person)
    return client, person


def test_every_url_has_a_policy() -> None:
    names = our_url_names()

    missing = names - set(POLICY)
    stale = set(POLICY) - names
    assert not missing, f"URLs with no policy decision: {sorted(missing)}"
    assert not stale, f"Policy entries for URLs that no longer exist: {sorted(stale)}"


def test_policy_rows_name_every_actor() -> None:
    for name, methods in POLICY.items():
        assert set(methods) == {"GET", "POST"}, name
        for method, statuses in methods.items():
            assert len(statuses) == len(ACTORS), (
                f"{method} {name} has {len(statuses)} columns; ACTORS has "
                f"{len(ACTORS)}: {', '.join(ACTORS)}"
            )


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "method", "actor", "expected"), PROBES)
def test_url_answers_each_actor_as_the_policy_says(
    name: str, method: str, actor: str, expected: int
) -> None:
    global probes_run
    world = build_world()
    client, person = client_for_actor(actor, world)
    url = reverse(name, kwargs=world.kwargs_for(name, person))
    if actor == "handler" and person is not None:
        # The escalation probed is made with the URL's arguments: it reached them.
        alert_about_group(world.group, person)

    if method == "GET":
        response = client.get(url)
    else:
        response = client.post(url, POST_DATA.get(name, {}))
    probes_run += 1

    assert response.status_code == expected, (
        f"{method} {name} as {actor}: {response.status_code}, expected {expected}"
    )
    if expected == 302:
        location = response.headers["Location"]
        signing_in = location.startswith(reverse("account_login"))
        assert signing_in is (actor == "anonymous"), location
        password_again = location.startswith(reverse("account_reauthenticate"))
        assert password_again is (
            actor != "anonymous" and name in ASKS_FOR_THE_PASSWORD_AGAIN
        ), location
        assert not location.startswith(reverse("mfa_activate_totp")), location


def test_probe_count(capsys: pytest.CaptureFixture[str]) -> None:
    assert len(PROBES) == len(POLICY) * 2 * len(ACTORS)
    assert len(PROBES) >= 500
    with capsys.disabled():
        print(
            f"\nURL x role policy: {len(POLICY)} URL names, {len(ACTORS)} actors, "
            f"{len(PROBES)} probes declared, {probes_run} run in this session."
        )
