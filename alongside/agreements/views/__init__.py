"""Agreement pages: reading the agreement, proposing and responding, history, print
and PDF, and the facilitators' and admins' pages. Views translate; actions decide
and write.

The views live in one module per page family (reading, proposals, facilitating,
organisation_items); urls.py reaches them from here.
"""

from __future__ import annotations

from .facilitating import agreement_settings, proposal_adopt, review_start, talk_list
from .organisation_items import (
    organisation_item_edit,
    organisation_item_remove,
    organisation_item_restore,
    organisation_items,
)
from .proposals import (
    comment_create,
    objection_withdraw,
    proposal_amend,
    proposal_create,
    proposal_detail,
    proposal_withdraw,
    response_save,
)
from .reading import (
    agreement_detail,
    agreement_pdf,
    agreement_print,
    reading_confirm,
    reading_talk_first,
    version_detail,
    version_list,
)

__all__ = [
    "agreement_detail",
    "agreement_pdf",
    "agreement_print",
    "agreement_settings",
    "comment_create",
    "objection_withdraw",
    "organisation_item_edit",
    "organisation_item_remove",
    "organisation_item_restore",
    "organisation_items",
    "proposal_adopt",
    "proposal_amend",
    "proposal_create",
    "proposal_detail",
    "proposal_withdraw",
    "reading_confirm",
    "reading_talk_first",
    "response_save",
    "review_start",
    "talk_list",
    "version_detail",
    "version_list",
]
