# mypy: disallow-untyped-calls=False
"""A person with a row behind every registry entry, in a group where another member
has written too. Words are invented markers, never anyone's real words."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from alongside.access.models import Item, ReaderRole, Reason, StaffRead
from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PersonFactory, give_second_factor
from alongside.agreements.models import Comment
from alongside.agreements.tests.factories import (
    AgreementItemFactory,
    ProposalChangeFactory,
    ReadingFactory,
    ResponseFactory,
)
from alongside.buddying.tests.factories import records_for_download
from alongside.conversations.models import (
    LiveConnection,
    Participation,
    Post,
    Response,
    Thread,
    TopicFilter,
)
from alongside.conversations.tests.factories import live_post
from alongside.insights.tests.factories import insights_records
from alongside.notifications.models import Notification
from alongside.organisations.models import Invitation, Organisation, Role
from alongside.organisations.tests.factories import (
    OrganisationFactory,
    OrganisationRoleFactory,
)
from alongside.peergroups.models import GroupRole, PeerGroup
from alongside.peergroups.tests.factories import MembershipFactory, PeerGroupFactory
from alongside.safety.models import (
    DecisionAction,
    DutyPeriod,
    Escalation,
    EscalationChain,
    EscalationEvent,
    EscalationStep,
    HoldAppeal,
    Incident,
    ModerationDecision,
    PhraseRule,
    PhraseRuleVersion,
    Report,
)
from alongside.safetyplans.tests.factories import plan_with_words, share_with

OWN_POST = "marker-own-post-words"
OWN_LIVE = "marker-own-live-words"
OWN_TITLE = "marker-own-thread-title"
OWN_COMMENT = "marker-own-comment"
OWN_REPORT_NOTE = "marker-own-report-note"
OWN_APPEAL = "marker-own-appeal"
OWN_PLAN = "marker-own-plan-words"
OTHER_PLAN = "marker-other-plan-words"
OTHER_POST = "marker-other-peer-words"
OTHER_TITLE = "marker-other-thread-title"
OTHER_REPORT_NOTE = "marker-other-report-note"


@dataclass
class World:
    person: Person
    other: Person
    organisation: Organisation
    group: PeerGroup
    own_post: Post
    own_thread: Thread


def populated_person() -> World:
    organisation = OrganisationFactory.create()
    group = PeerGroupFactory.create(organisation=organisation)
    person = PersonFactory.create(email="someone@example.org")
    other = PersonFactory.create()
    second_admin = PersonFactory.create()
    OrganisationRoleFactory.create(
        organisation=organisation, person=person, role=Role.ADMIN
    )
    OrganisationRoleFactory.create(
        organisation=organisation, person=second_admin, role=Role.ADMIN
    )
    OrganisationRoleFactory.create(organisation=organisation, person=other)
    MembershipFactory.create(
        group=group, person=person, display_name="Own Name", role=GroupRole.FACILITATOR
    )
    MembershipFactory.create(group=group, person=other, display_name="Other Name")
    give_second_factor(person)
    EmailAddress.objects.create(user=person, email=person.email, primary=True)
    person.groups.add(Group.objects.create(name="a staff-site group"))
    person.user_permissions.add(Permission.objects.get(codename="view_person"))
    Invitation.objects.create(organisation=organisation, created_by=person)
    Notification.objects.create(person=person, message="Something new for you.")

    # Agreements: a suggestion, an answer, a comment and a reading.
    version = AgreementItemFactory.create(version__agreement__group=group).version
    proposal = ProposalChangeFactory.create(
        proposal__agreement=version.agreement, proposal__proposed_by=person
    ).proposal
    ResponseFactory.create(proposal=proposal, person=person, choice="agree")
    Comment.objects.create(proposal=proposal, person=person, text=OWN_COMMENT)
    Comment.objects.create(proposal=proposal, person=other, text="marker-other-comment")
    ReadingFactory.create(version=version, person=person)

    # Conversations: their own thread, another member's reply in it, a thread of the
    # other member's with their reply, a live message, a response, filters.
    own_thread = Thread.objects.create(group=group, author=person, title=OWN_TITLE)
    own_post = Post.objects.create(
        group=group, thread=own_thread, author=person, kind="sharing", body=OWN_POST
    )
    Post.objects.create(group=group, thread=own_thread, author=other, body=OTHER_POST)
    other_thread = Thread.objects.create(group=group, author=other, title=OTHER_TITLE)
    other_post = Post.objects.create(
        group=group, thread=other_thread, author=other, body=OTHER_POST
    )
    live_post(group, person, body=OWN_LIVE)
    Response.objects.create(post=other_post, person=person, kind="hear_you")
    Response.objects.create(post=own_post, person=other, kind="thank_you")
    TopicFilter.objects.create(person=person, topic="self_harm", choice="hide")
    Participation.objects.create(person=person, group=group, is_just_listening=True)
    LiveConnection.objects.create(
        channel_name=f"test!{uuid.uuid4()}", group=group, person=person
    )

    # Safety: a report they made, one made about their post, an appeal, decisions,
    # duty, the escalation chain, alerts and an incident.
    Report.objects.create(
        post=other_post,
        group=group,
        reporter=person,
        reason="other",
        note=OWN_REPORT_NOTE,
    )
    Report.objects.create(
        post=own_post,
        group=group,
        reporter=other,
        reason="other",
        note=OTHER_REPORT_NOTE,
    )
    HoldAppeal.objects.create(post=own_post, note=OWN_APPEAL)
    ModerationDecision.objects.create(
        post=other_post,
        group=group,
        decided_by=person,
        action=DecisionAction.PUBLISH,
        reason="Fine to share.",
    )
    rule = PhraseRule.objects.create(
        organisation=organisation, pattern="marker", action="hold"
    )
    PhraseRuleVersion.objects.create(
        rule=rule,
        version=1,
        pattern="marker",
        action="hold",
        is_active=True,
        changed_by=person,
    )
    DutyPeriod.objects.create(organisation=organisation, person=person)
    chain = EscalationChain.objects.create(organisation=organisation)
    EscalationStep.objects.create(chain=chain, position=1, person=person)
    about_them = Escalation.objects.create(
        organisation=organisation, group=group, post=own_post, person_at_risk=person
    )
    about_other = Escalation.objects.create(
        organisation=organisation,
        group=group,
        post=other_post,
        person_at_risk=other,
        acknowledged_by=person,
    )
    about_other.alerted.add(person)
    EscalationEvent.objects.create(
        escalation=about_other, kind="alerted", person=person
    )
    del about_them
    Incident.objects.create(
        organisation=organisation,
        group=group,
        category="other",
        severity="low",
        what_happened="Written for the test.",
        recorded_by=person,
    )
    # Staff reads: a facilitator read their post; they, as facilitator, read another's.
    StaffRead.objects.create(
        reader=other,
        reader_role=ReaderRole.FACILITATOR,
        organisation=organisation,
        group=group,
        author=person,
        item=Item.POST,
        post=own_post,
        object_id=own_post.pk,
        reason=Reason.REPORT,
    )
    StaffRead.objects.create(
        reader=person,
        reader_role=ReaderRole.FACILITATOR,
        organisation=organisation,
        group=group,
        author=other,
        item=Item.POST,
        post=other_post,
        object_id=other_post.pk,
        reason=Reason.REPORT,
    )
    _supporter_records(organisation, person, other, second_admin)
    # A private conversation with the team: their own message and someone else's.
    from alongside.privateconversations.models import (
        Conversation,
        Message,
        Participant,
        Side,
    )

    private = Conversation.objects.create(organisation=organisation, person=person)
    Participant.objects.create(
        conversation=private, person=person, side=Side.PERSON, display_name="Own Name"
    )
    Message.objects.create(
        conversation=private, author=person, author_side=Side.PERSON, body=OWN_POST
    )
    Message.objects.create(
        conversation=private, author=other, author_side=Side.TEAM, body=OTHER_POST
    )
    _meetings(person, group)
    insights_records(person, group)
    records_for_download(organisation, person)
    # My plan: their own, shared with the other person; the other's, shared with
    # them (whose words must never be in their download).
    share_with(plan_with_words(person, OWN_PLAN).owner, other)
    share_with(plan_with_words(other, OTHER_PLAN).owner, person)
    return World(
        person=person,
        other=other,
        organisation=organisation,
        group=group,
        own_post=own_post,
        own_thread=own_thread,
    )


def _supporter_records(
    organisation: Organisation, person: Person, other: Person, supervisor: Person
) -> None:
    """Training, supervision both ways, a check-in, a caseload, a shift and help
    asked, answered and received."""
    from django.utils import timezone

    from alongside.supporters.models import HelpRequest
    from alongside.supporters.tests.factories import (
        CheckInFactory,
        ShiftFactory,
        SupervisionFactory,
        SupervisionSessionFactory,
        TrainingModuleFactory,
        TrainingRecordFactory,
    )

    module = TrainingModuleFactory.create(organisation=organisation)
    TrainingRecordFactory.create(module=module, person=person, recorded_by=supervisor)
    TrainingRecordFactory.create(module=module, person=other, recorded_by=person)
    SupervisionFactory.create(
        organisation=organisation, supporter=person, supervisor=supervisor
    )
    SupervisionFactory.create(
        organisation=organisation, supporter=other, supervisor=person
    )
    SupervisionSessionFactory.create(
        organisation=organisation,
        supervisor=supervisor,
        supervisee=person,
        notes="Notes from supervision.",
        reflection="My own reflection.",
    )
    SupervisionSessionFactory.create(
        organisation=organisation, supervisor=person, supervisee=other
    )
    CheckInFactory.create(organisation=organisation, person=person)
    ShiftFactory.create(organisation=organisation, person=person)
    from alongside.supporters.actions import profile_for

    profile_for(person, organisation)
    HelpRequest.objects.create(organisation=organisation, person=person, urgency="soon")
    answered = HelpRequest.objects.create(
        organisation=organisation,
        person=other,
        urgency="soon",
        acknowledged_by=person,
        acknowledged_at=timezone.now(),
    )
    answered.alerted.add(person)
    _facilitated_meetings(organisation, person, other)
    from alongside.supporters.followups import offer_crisis_follow_ups

    offer_crisis_follow_ups(person=person, organisation=organisation)


def _facilitated_meetings(
    organisation: Organisation, person: Person, other: Person
) -> None:
    """A meeting they facilitated, with their debrief; one they recorded for
    someone they supervise, whose debrief reached them."""
    from django.utils import timezone

    from alongside.supporters.models import FacilitatedMeeting, MeetingDebrief

    mine = FacilitatedMeeting.objects.create(
        organisation=organisation,
        person=person,
        occurrence_id=1,
        held_at=timezone.now(),
    )
    MeetingDebrief.objects.create(
        organisation=organisation, facilitated_meeting=mine, needs="A short chat."
    )
    theirs = FacilitatedMeeting.objects.create(
        organisation=organisation,
        person=other,
        occurrence_id=1,
        held_at=timezone.now(),
        recorded_by=person,
    )
    MeetingDebrief.objects.create(
        organisation=organisation,
        facilitated_meeting=theirs,
        supervisor=person,
        to_pass_on="Went well.",
    )


def _meetings(person: Person, group: PeerGroup) -> None:
    """A meeting they added at a venue whose checklist they let wait, an RSVP, a
    reminder sent, their choices and calendar settings."""
    from alongside.meetings.models import (
        CalendarFeed,
        MeetingChoice,
        Rsvp,
        SentReminder,
        VenueCheckTurn,
    )
    from alongside.meetings.tests.factories import VenueFactory, occurrence_in

    venue = VenueFactory.create(
        organisation=group.organisation,
        checklist_waived_by=person,
        checklist_waived_at=timezone.now(),
    )
    occurrence = occurrence_in(group, venue=venue, created_by=person)
    Rsvp.objects.create(occurrence=occurrence, person=person)
    SentReminder.objects.create(
        occurrence=occurrence,
        person=person,
        minutes_before=60,
        starts_at=occurrence.starts_at,
    )
    MeetingChoice.objects.create(person=person, group=group, reminders="60")
    VenueCheckTurn.objects.create(
        person=person, venue=venue, next_from=timezone.localdate()
    )
    CalendarFeed.objects.create(person=person)
