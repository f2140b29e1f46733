"""The counter's PromptPay id: a chain setting a branch may override, checked when it is set."""

from __future__ import annotations

import pytest

from bnaura_desk.domain.errors import BadInput, PermissionDenied
from bnaura_desk.domain.settings import PROMPTPAY_KEY
from bnaura_desk.services import settings
from bnaura_desk.services.counter_settings import promptpay_id, set_promptpay_id
from tests.conftest import Staffed


def test_the_promptpay_id_is_none_until_set_then_the_chains_then_the_branchs_own(staffed: Staffed) -> None:
    t = staffed.terminal
    assert t.read(promptpay_id) is None
    t.run(settings.set_chain_setting, PROMPTPAY_KEY, " 081-234-5678 ", actor=staffed.owner)
    assert t.read(promptpay_id) == "081-234-5678"
    t.run(settings.mark_setting_per_branch, PROMPTPAY_KEY, True, actor=staffed.owner)
    t.run(settings.set_branch_setting, PROMPTPAY_KEY, "0105561234567", actor=staffed.owner)
    assert t.read(promptpay_id) == "0105561234567"


@pytest.mark.parametrize("value", ["", "02-123-4567", "hello", 812345678])
def test_a_value_that_is_no_promptpay_id_is_refused_and_nothing_is_set(staffed: Staffed, value: object) -> None:
    t = staffed.terminal
    with pytest.raises(BadInput) as refused:
        t.run(settings.set_chain_setting, PROMPTPAY_KEY, value, actor=staffed.owner)
    assert refused.value.field == "promptpay_id"
    assert t.read(promptpay_id) is None


def test_setting_the_id_from_the_counter_writes_the_branchs_own_once_the_chain_marks_it(staffed: Staffed) -> None:
    t = staffed.terminal
    assert t.run(set_promptpay_id, "0812345678", actor=staffed.owner).result == "0812345678"
    assert t.read(settings.chain_setting, t.device().chain_id, PROMPTPAY_KEY) == "0812345678"
    t.run(settings.mark_setting_per_branch, PROMPTPAY_KEY, True, actor=staffed.owner)
    assert t.run(set_promptpay_id, "0105561234567", actor=staffed.owner).result == "0105561234567"
    assert t.read(settings.chain_setting, t.device().chain_id, PROMPTPAY_KEY) == "0812345678"  # the chain's stays
    with pytest.raises(PermissionDenied):
        t.run(set_promptpay_id, "0899999999", actor=staffed.manager)
    assert t.read(promptpay_id) == "0105561234567"
