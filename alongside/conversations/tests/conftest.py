import pytest

from alongside.peergroups.models import PeerGroup

from .factories import PeerGroupFactory


@pytest.fixture
def group(db: None) -> PeerGroup:
    return PeerGroupFactory()
