import pytest

from alongside.safety.screening.normalise import normalise
from alongside.safety.screening.personal_details import (
    find_personal_details,
    is_valid_nhs_number,
)


def kinds(text: str) -> list[str]:
    return [detail.kind for detail in find_personal_details(normalise(text).details)]


@pytest.mark.parametrize(
    "text",
    [
        "text me on 07700 900456",
        "07700900457",
        "call 07700-900-458",
        "+44 7700 900459",
        "+44 (0)20 7946 0958",
        "0044 7700 900461",
        "(020) 7946 0322",
        "0161 496 0323",
    ],
)
def test_uk_phone_numbers_are_found(text: str) -> None:
    assert kinds(text) == ["phone"]


@pytest.mark.parametrize(
    "text",
    [
        "clean for 365 days",
        "on 12/03/2025 at 10.30",
        "it cost £20",
        "from 2019 to 2021",
    ],
)
def test_ordinary_numbers_are_not_phone_numbers(text: str) -> None:
    assert kinds(text) == []


def test_helplines_are_service_numbers_not_personal_details() -> None:
    assert kinds("Samaritans on 116 123 or 0800 068 4141") == [
        "service_number",
        "service_number",
    ]


@pytest.mark.parametrize(
    "text", ["ring 999 or go to A&E", "Ring 111 if it gets worse", "call 999 now"]
)
def test_telling_someone_to_ring_an_emergency_number_is_not_an_address(
    text: str,
) -> None:
    assert "street_address" not in kinds(text)


@pytest.mark.parametrize("text", ["SW1A 1AA", "in M1 1AE now", "b33 8th", "LS1 4AP"])
def test_uk_postcodes_are_found(text: str) -> None:
    assert kinds(text) == ["postcode"]


@pytest.mark.parametrize(
    "text",
    [
        "12 Acacia Avenue",
        "Flat 3, 40 High St",
        "at 4 privet drive",
        "221b Baker Street",
    ],
)
def test_street_addresses_are_found(text: str) -> None:
    assert kinds(text) == ["street_address"]


@pytest.mark.parametrize(
    "text", ["I walked 5 miles down the road", "three days in a row", "3 days in a row"]
)
def test_distances_and_counts_are_not_addresses(text: str) -> None:
    assert kinds(text) == []


def test_emails_including_spelled_out_ones() -> None:
    assert kinds("mail j.doe99@gmail.com") == ["email"]
    assert kinds("sam dot lee at gmail dot com") == ["email"]


def test_nhs_number_checksum() -> None:
    assert is_valid_nhs_number("943 476 5919")
    assert not is_valid_nhs_number("943 476 5918")
    assert kinds("my NHS number is 943 476 5919") == ["nhs_number"]


def test_social_handles_and_profile_links() -> None:
    assert kinds("follow me @quiet_river22") == ["social_handle"]
    assert kinds("insta: sunny.side.up") == ["social_handle"]
    assert kinds("snap me at bluebird_77") == ["social_handle"]
    assert kinds("add me on snap if you want") == []
    assert kinds("instagram.com/quiet_river22") == ["profile_link"]
    assert kinds("see www.nhs.uk") == ["link"]


def test_spans_point_at_the_original_text() -> None:
    text = "ring \u200b07700 900123 x"
    [detail] = find_personal_details(normalise(text).details)
    span = normalise(text).details.to_original(detail.start, detail.end)
    assert text[span.start : span.end] == "07700 900123"


def test_address_block_with_a_flat_line_is_one_address() -> None:
    text = "Please write to me at\n27 Tannery Row 4\nFlat 2\nWexcombe\n\nDevon 40021\n"
    found = find_personal_details(normalise(text).details)
    assert [detail.kind for detail in found] == ["street_address"]
    assert text[found[0].start : found[0].end].startswith("27 Tannery Row 4")


@pytest.mark.parametrize(
    "text",
    [
        "we live on Orchard Close now",
        "my nan's house is on Mill Lane",
        "I've moved to Brambling Crescent",
    ],
)
def test_a_street_named_where_someone_lives_is_an_address(text: str) -> None:
    assert kinds(text) == ["street_address"]


@pytest.mark.parametrize(
    "text",
    ["I walked down Oxford Street and felt calmer", "the shops on the high road"],
)
def test_a_street_named_in_passing_is_not_an_address(text: str) -> None:
    assert kinds(text) == []


def test_building_and_house_numbers_before_a_street_are_not_a_phone() -> None:
    assert kinds("send it to 1200 45 Kestrel Road please") == ["street_address"]
