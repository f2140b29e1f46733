"""Grab screenshots of the redemption screen and the loyalty page's rewards into docs/screenshots/.

A throw-away terminal where a member has 2,350 points and a few coupons: a
reward redeemed last month and used at the counter, a birthday coupon that
expired, and one redeemed today; the catalog has the Premium Mask, so that
reward is available, but not the Basic Facial.

- redemption-LANG.png: the redemption screen for the member, a coupon code
  typed in the code box and its answer;
- redemption-refused-LANG.png: the same screen answering an expired code;
- redemption-confirm-LANG.png: "Redeem ... for ...?" before points are spent;
- loyalty-rewards-LANG.png: the customer screen's Loyalty page, Rewards section.

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshots_redemption.py [th|en]
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.coupons import CartLine, CouponKind, CouponTerms
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.rewards import reward_id
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import catalog, coupons, loyalty, rewards
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.terminal import Terminal
from screenshots_loyalty import Clock, grab, wait


def seed(terminal: Terminal, clock: Clock) -> tuple[dict[Role, Actor], str, str, str]:
    """Return the staff, the member, a campaign code to check and an expired one."""
    actors = {}
    for role, name, pin in ((Role.MANAGER, "คุณวิภา", "3691"), (Role.FRONT_DESK, "น้องแพรว", "4826")):
        staff_id = terminal.run(staff_service.create_staff, name, role, pin, actor=SYSTEM).result
        actors[role] = Actor(staff_id, name, role)
    manager, desk = actors[Role.MANAGER], actors[Role.FRONT_DESK]
    terminal.run(catalog.create_item, ItemForm(kind=ItemKind.PRODUCT, name_th="มาส์กหน้าพรีเมียม",
                 name_en="Premium Mask", price_satang=59_000, sku="PREMIUM-MASK"), actor=manager)
    member = str(terminal.run(customer_service.register_customer, CustomerForm(
        name_th="สมหญิง ศรีสุข", name_en="Somying Srisuk", nickname="หญิง", phone="086-245-1190"), actor=desk).result)
    terminal.run(loyalty.adjust_points, member, 3_250, "ย้ายแต้มจากบัตรสะสมแต้มแบบกระดาษ", actor=manager)
    birthday = terminal.run(coupons.issue_coupon, CouponTerms(
        CouponKind.AMOUNT, amount_satang=30_000, valid_from=date(2025, 11, 1), valid_until=date(2025, 11, 30)),
        member, "วันเกิด", actor=manager).result
    clock.now += timedelta(days=20)
    first = terminal.run(rewards.redeem_reward, member, reward_id("percent_5"), actor=desk).result
    clock.now += timedelta(days=3)
    terminal.run(coupons.record_coupon_use, first.coupon.code, [CartLine("x", ItemKind.TREATMENT, 250_000)],
                 customer_id=member, sale_ref="SI01-000412", actor=desk)
    campaign = terminal.run(coupons.generate_campaign, "ปีใหม่ 2570", 1, CouponTerms(
        CouponKind.PERCENT, percent=10, valid_until=date(2027, 1, 31), min_spend_satang=150_000), actor=manager).result
    clock.now += timedelta(days=30)
    terminal.run(rewards.redeem_reward, member, reward_id("free_premium_mask"), actor=desk)
    return actors, member, campaign[0], birthday.code


def main() -> None:
    lang = sys.argv[1] if len(sys.argv) > 1 else "th"
    from ui.app import build_app, create_main_window

    app, languages = build_app(sys.argv[:1], language=lang)
    suffix = f"-{lang}"
    clock = Clock(datetime(2026, 11, 2, 3, 0, tzinfo=UTC))  # 10:00 in Bangkok
    with tempfile.TemporaryDirectory() as tmp:
        terminal = Terminal.create(
            Path(tmp) / "shots.sqlite", clinic_name="บีเอ็น-ออร่า สาขาสยาม", clinic_name_en="BN-Aura Siam",
            device_name="POS-1", clock=clock,
        )
        actors, _member, campaign_code, expired_code = seed(terminal, clock)
        window = create_main_window(terminal, languages)
        runner = window.runner
        try:
            window.resize(1280, 800)
            window.show()
            wait(app, runner)
            window.login.signed_in.emit(actors[Role.FRONT_DESK])
            wait(app, runner)
            screen: Any = window.show_screen("redemption")
            wait(app, runner)
            screen.search.setText("สมหญิง")
            wait(app, runner)
            screen.code_box.setText(campaign_code[:4] + "-" + campaign_code[4:8] + "-" + campaign_code[8:])
            wait(app, runner)
            grab(window, f"redemption{suffix}.png")
            screen.code_box.setText(expired_code.lower())
            wait(app, runner)
            grab(window, f"redemption-refused{suffix}.png")
            screen.rewards.select_reward(reward_id("percent_10"))
            screen.rewards.redeem_selected()
            wait(app, runner)
            question = screen.rewards.redeemer.question
            grab(question, f"redemption-confirm{suffix}.png")
            question.reject()
            wait(app, runner)

            customers: Any = window.show_screen("customers")
            customers.search.setText("สมหญิง")
            wait(app, runner)
            customers.detail.pages.setCurrentWidget(customers.loyalty)
            customers.loyalty.sections.setCurrentWidget(customers.rewards)
            wait(app, runner)
            grab(window, f"loyalty-rewards{suffix}.png")
        finally:
            wait(app, runner)
            runner.shutdown()
            terminal.close()


if __name__ == "__main__":
    main()
