"""Registry entries for the end of one-to-one support and referrals on
(alongside/buddying/ending_exports.py). `registry.REGISTRY` lists them after the
other support entries."""

from __future__ import annotations

from alongside.buddying import ending_exports
from alongside.privacy.entries import DELETED, Entry, Erasure

ONE_TO_ONE_ENDING_ENTRIES: tuple[Entry, ...] = (
    Entry(
        "buddying.EndingSurvey",
        "peer",
        "Your answers when your one-to-one support ended",
        Erasure.DELETE,
        DELETED,
        export=ending_exports.export_surveys,
    ),
    Entry(
        "buddying.Referral",
        "peer",
        "Referrals to other services about you",
        Erasure.DELETE,
        "Deleted with your account, with what was shared and why.",
        export=ending_exports.export_referrals_about,
    ),
    Entry(
        "buddying.Referral",
        "made_by",
        "Referrals you made as a supporter",
        Erasure.DETACH,
        "The referral stays for the person it is about, without your name.",
        export=ending_exports.export_referrals_made,
    ),
    Entry(
        "buddying.Referral",
        "countersigned_by",
        "Referrals you counter-signed as a supervisor",
        Erasure.DETACH,
        "The referral stays for the person it is about, without your name.",
        export=ending_exports.export_referrals_signed,
    ),
)
