"""Words of risk denied inside themselves: "death is not the answer", "my life is not
pointless", "I'm not a burden". The patterns leave a word free between the subject
and what is said of it ("death is *simply* the only way"), and a "not" or "never" in
that place says the opposite. "Life is not worth living" is not a denial: "not
worth" is what it says. Written in our own words, not from any data set.
"""

from __future__ import annotations

import re

DENIED = re.compile(
    r"^(?:death|dying|suicide|(?:my\s+)?life|it)\s+(?:is|seems|feels|sounds|would\s+be"
    r"|will\s+be)\s+(?:not|never)\s+(?!worth\b)"
    r"|^(?:i'?m|im|i\s+am|i\s+feel\s+like|feel\s+like|being)\s+(?:not|never)\s+"
    r"(?:such\s+)?(?:a|an)\s+(?:\w+\s+)?burden\b"
)
