"""Pages of My plan: the owner's plan and its sections, history, printouts,
sharing, reminder and PIN; the copies shared with a named person; and a shared
link's copy, which is the one page here open without signing in.

Every owner page goes through the PIN lock first (`lock.py`). Lookups go through
`permissions.py`; changes through `actions.py`.
"""

from .pin import pin_edit, pin_reset, plan_lock, plan_unlock
from .plan import (
    plan_detail,
    plan_pdf,
    plan_print,
    reminder_edit,
    section_edit,
    version_detail,
    version_list,
)
from .sharing import link_view, share_list, share_revoke, shared_detail, shared_list

__all__ = [
    "link_view",
    "pin_edit",
    "pin_reset",
    "plan_detail",
    "plan_lock",
    "plan_pdf",
    "plan_print",
    "plan_unlock",
    "reminder_edit",
    "section_edit",
    "share_list",
    "share_revoke",
    "shared_detail",
    "shared_list",
    "version_detail",
    "version_list",
]
