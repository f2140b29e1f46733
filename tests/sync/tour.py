"""A day at the desk that runs every use case the app has, for the tests of what syncs.

``use_cases()`` finds the use cases by looking (every public function of
``bnaura_desk.services`` whose first parameter is the ``ctx`` of a
``ServiceContext``), not from a hand list; ``Tour`` runs them on a real
terminal and notes which ran. A use case added without a step here fails
``test_every_use_case_is_on_the_tour``, so the checks that ride on the
tour (every operation type journalled is declared; every declared entity
round-trips through the server) cannot miss it.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

import bnaura_desk.services as services_package
from bnaura_desk.domain import achievements as achievement_rules
from bnaura_desk.domain.automation import DEFAULT_RULES
from bnaura_desk.domain.cash_movements import CashDirection
from bnaura_desk.domain.catalog import ItemForm, ItemKind, StockReason
from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.coupons import CartLine, CouponKind, CouponTerms
from bnaura_desk.domain.customer import Channel, ConsentPurpose, CustomerForm, Gender
from bnaura_desk.domain.dates import bangkok_date
from bnaura_desk.domain.errors import DeskError
from bnaura_desk.domain.journeys import Stage
from bnaura_desk.domain.loyalty_program import tier_change_id, tier_period
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.domain.proposals import ProposalLine
from bnaura_desk.domain.refunds import ReturnLine
from bnaura_desk.domain.rewards import Reward, reward_id
from bnaura_desk.domain.roles import Permission, Role
from bnaura_desk.domain.tax_invoices import BuyerForm
from bnaura_desk.images.store import ImageStore
from bnaura_desk.printing.config import PrinterConfig, PrinterKind
from bnaura_desk.services import (
    achievements,
    appointments,
    balances,
    branches,
    cash_movements,
    catalog,
    consents,
    counter,
    counter_settings,
    coupons,
    courses,
    customer_csv,
    customers,
    customers_bulk,
    journeys,
    loyalty,
    printing,
    proposals,
    refunds,
    rewards,
    rooms,
    scans,
    settings,
    shifts,
    staff,
    sync_exceptions,
    sync_state,
    tasks,
    tax_invoices,
    treatment_photos,
)
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.services.points_ledger import loyalty_program
from bnaura_desk.services.referral_links import referral_id
from bnaura_desk.store.models import LinePerformance, SaleLine, Task
from bnaura_desk.terminal import Terminal
from tests.documents.samples import signature_png
from tests.images.pictures import photo_bytes

# Use cases the sync machinery itself runs (not a person at the desk): they
# change only this terminal's local tables and journal nothing.
RUN_BY_SYNC = {
    "bnaura_desk.services.sync_state.note_sync_finished",
    "bnaura_desk.services.sync_state.save_enrollment",
    # Ends a round that pulled large pages; its own tests pull such pages
    # (tests/sync/test_bulk_registration_sync.py, test_local_apply_pages.py).
    "bnaura_desk.services.search_index.index_pending_customers",
    "bnaura_desk.services.search_index.finish_bulk_indexing",
}
# Building blocks that take a context but are not use cases of their own:
# the use cases that call them run in the tour.
BUILDING_BLOCKS = {
    "bnaura_desk.services.points_ledger.record_points",
    "bnaura_desk.services.points_ledger.award_once",
    "bnaura_desk.services.points_ledger.points_row",
    "bnaura_desk.services.referral_links.link_referral",
    "bnaura_desk.services.referral_links.referrer_by_code",
    "bnaura_desk.services.loyalty.award_referral",
    "bnaura_desk.services.loyalty.note_tier",
    "bnaura_desk.services.achievements.unlock_row",
    "bnaura_desk.services.settings.write_chain_setting",
    "bnaura_desk.services.achievements.unlock_achievements",
    "bnaura_desk.services.coupons.write_coupon",
    "bnaura_desk.services.tasks.apply_rules",  # a journey move's own step
    "bnaura_desk.services.tasks.held_task",  # a check of treatment_photos.add_treatment_photo
    "bnaura_desk.services.line_performance.record_performance",  # tasks.complete_task's step
    # Checkout's own steps.
    "bnaura_desk.services.counter.next_document_number",
    "bnaura_desk.services.catalog.record_sold",
    "bnaura_desk.services.printing.queue_sale_receipt",
    "bnaura_desk.services.catalog.record_returned",
    "bnaura_desk.services.courses.grant_course",
    "bnaura_desk.services.coupons.use_coupon",
    "bnaura_desk.services.coupons.restore_coupon",  # a refund's step (refunds.refund_sale)
    "bnaura_desk.services.courses.take_back_courses",
    # A proposal paid at the counter: checkout's steps (``counter.checkout`` with a journey).
    "bnaura_desk.services.proposals.check_payable",
    "bnaura_desk.services.proposals.confirm_payment",
    # The daily jobs' bodies, run by loyalty.expire_points, award_birthdays, record_tier_changes.
    "bnaura_desk.services.daily_jobs.expire_due",
    "bnaura_desk.services.daily_jobs.award_birthdays_due",
    "bnaura_desk.services.daily_jobs.record_lifetime_tiers",
}


def use_cases() -> dict[str, Callable[..., ChangeSet]]:
    """Return every use case of ``bnaura_desk.services`` by its dotted name."""
    found: dict[str, Callable[..., ChangeSet]] = {}
    for info in pkgutil.iter_modules(services_package.__path__):
        module = importlib.import_module(f"{services_package.__name__}.{info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.startswith("_"):
                continue
            params = list(inspect.signature(function).parameters.values())
            dotted = f"{module.__name__}.{name}"
            if dotted in BUILDING_BLOCKS:
                continue
            if params and params[0].name == "ctx" and "ServiceContext" in str(params[0].annotation):
                found[f"{module.__name__}.{name}"] = function
    return found


class Tour:
    """Runs use cases on ``terminal``, noting each one that ran (and those the app refused)."""

    def __init__(self, terminal: Terminal) -> None:
        self.terminal = terminal
        self.ran: set[str] = set()

    def run(self, use_case: Callable[..., ChangeSet], *args: Any, actor: Actor | None = SYSTEM, **kw: Any) -> Any:
        self.ran.add(f"{use_case.__module__}.{use_case.__name__}")
        return self.terminal.run(use_case, *args, actor=actor, **kw).result

    def refused(self, use_case: Callable[..., ChangeSet], *args: Any, actor: Actor | None = SYSTEM) -> DeskError:
        """Run a use case the app must refuse (a wrong PIN); return the refusal."""
        self.ran.add(f"{use_case.__module__}.{use_case.__name__}")
        try:
            self.terminal.run(use_case, *args, actor=actor)
        except DeskError as refusal:
            return refusal
        raise AssertionError(f"{use_case.__name__} was not refused")

    def day(self) -> dict[str, Any]:
        """Run a day's work that creates and changes a row of every kind; return the ids made.

        Leaves one thing for ``resolve``: an exception needs the server.
        """
        made: dict[str, Any] = {}
        # Staff and settings (the manager's back office).
        made["staff"] = self.run(staff.create_staff, "น้องแพรว", Role.FRONT_DESK, "4826")
        manager = self.run(staff.create_staff, "คุณวิภา", Role.MANAGER, "3691")
        self.run(staff.update_staff, made["staff"], display_name="น้องแพรว (เช้า)", role=Role.SALES)
        self.run(staff.set_pin, made["staff"], "5937")
        self.run(staff.set_lockout_policy, 4, 30)
        self.run(settings.mark_setting_per_branch, staff.LOCKOUT_KEY, True)
        made["branch_setting"] = self.run(staff.set_lockout_policy, 5, 20, this_branch_only=True)
        self.run(settings.set_branch_setting, staff.LOCKOUT_KEY, {"max_failures": 6, "lock_minutes": 20})
        self.run(settings.set_chain_setting, staff.LOCKOUT_KEY, {"max_failures": 5, "lock_minutes": 30})
        self.run(branches.update_branch, address="991 ถนนพระราม 1 ปทุมวัน กรุงเทพฯ", phone="021234567", branch_no="0")
        self.run(staff.set_staff_branches, made["staff"], [self.terminal.device().branch_id])
        for _ in range(4):
            self.refused(staff.sign_in, made["staff"], "0000")
        self.run(staff.unlock_staff, made["staff"])
        self.run(staff.sign_in, made["staff"], "5937")
        self.run(staff.authorize_override, manager, "3691", Permission.CUSTOMER_DELETE)
        # The catalog.
        treatment = self.run(catalog.create_item, ItemForm(
            kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์หน้าใส", name_en="Clear skin", price_satang=150_000,
            vat_exempt=True, duration_minutes=60, protocol_steps=("ล้างหน้า", "มาส์ก"), tags=("pigmentation",),
        ))
        product = self.run(catalog.create_item, ItemForm(
            kind=ItemKind.PRODUCT, name_th="เซรั่ม", price_satang=89_000, sku="SER-01", barcode="8850000000010",
            category="Skincare",
        ))
        made["catalog_item"] = self.run(catalog.create_item, ItemForm(
            kind=ItemKind.PACKAGE, name_th="คอร์ส 5 ครั้ง", price_satang=600_000, package_treatment_id=treatment,
            package_sessions=5,
        ))
        self.run(catalog.update_item, product, ItemForm(
            kind=ItemKind.PRODUCT, name_th="เซรั่มวิตามินซี", price_satang=99_000, sku="SER-01",
            barcode="8850000000010", category="Skincare", tags=("hydration", "ผิวแห้ง"),
        ))
        self.run(catalog.set_item_active, treatment, False)
        here = self.terminal.device().branch_id
        made["branch_price"] = self.run(catalog.set_branch_price, product, here, 95_000, True)
        self.run(catalog.set_branch_price, treatment, here, None, False)
        made["stock"] = self.run(catalog.move_stock, product, 24, StockReason.RECEIVED, "ล็อตแรก")
        self.run(catalog.set_stock_count, product, 20, "นับสิ้นเดือน")
        # Customers at the counter.
        made["customer"] = self.run(customers.register_customer, CustomerForm(
            name_th="สมหญิง ใจดี", name_en="Somying Jaidee", nickname="หญิง", phone="0812345678",
            email="ying@example.com", line_id="ying.j", birthday=datetime(1990, 5, 17, tzinfo=UTC).date(),
            gender=Gender.FEMALE, skin_notes="ผิวแพ้ง่าย", channels=(Channel.LINE, Channel.SMS),
        ), {ConsentPurpose.TREATMENT_RECORDS: True})
        form = self.terminal.read(customers.get_customer, made["customer"]).form
        self.run(customers.update_customer, made["customer"], form.with_changes(nickname="ยิ้ง", opted_out=True))
        made["consent"] = self.run(customers.record_consent, made["customer"], ConsentPurpose.MARKETING, True)
        made["visit"] = self.run(customers.check_in, made["customer"])
        # A skin scan with its photo: the customer consents to sensitive data first.
        self.run(customers.record_consent, made["customer"], ConsentPurpose.SKIN_SCAN_PHOTOS, True)
        photo = self.terminal.path.parent / f"{self.terminal.path.stem}-tour-scan.png"
        photo.write_bytes(photo_bytes(9))
        made["skin_scan"] = self.run(scans.record_scan, made["customer"], {"moisture": 42, "pigmentation": 67},
                                     "ฝ้าที่แก้ม", [photo], images=ImageStore.beside(self.terminal.path)).scan_id
        # A manager makes the suggestions' rules stricter about pigmentation and adds one for oily skin.
        self.run(scans.set_suggestion_rules, [
            {"measure": "pigmentation", "comparison": "above", "threshold": 55, "tag": "pigmentation"},
            {"measure": "oiliness", "comparison": "above", "threshold": 70, "tag": "ผิวมัน"}])
        gone = self.run(customers.register_customer, CustomerForm(name_th="ลูกค้าชั่วคราว", phone="0898765432"))
        self.run(customers.delete_customer, gone)
        imported = customer_csv.parse_customers_csv(
            "name_th,phone\nนำเข้า หนึ่ง,0861111111\n", today=datetime.now(UTC).date(), source="import.csv"
        )
        self.run(customer_csv.import_customers, imported.rows)
        self.run(customers_bulk.register_customers, [
            customers_bulk.Registration(CustomerForm(name_th="กลุ่ม หนึ่ง", phone="0862222222")),
            customers_bulk.Registration(CustomerForm(
                name_en="Walk In", nickname="วอล์ค", phone="0863333333", birthday=datetime(1995, 1, 2, tzinfo=UTC).date(),
                channels=(Channel.EMAIL,), email="walk@example.com",
            ), {ConsentPurpose.MARKETING: False, ConsentPurpose.TREATMENT_RECORDS: True}, check_in=True),
        ])
        # Points: a manager's adjustments; a lot from 13 months ago (the terminal's clock set back,
        # as points carried over from the previous system would be) that the expiry job expires.
        made["points"] = self.run(loyalty.adjust_points, made["customer"], 500, "ย้ายแต้มจากระบบเดิม")
        self.run(loyalty.adjust_points, made["customer"], -120, "แก้แต้มที่ให้เกิน")
        clock = self.terminal.clock
        self.terminal.clock = lambda: clock() - timedelta(days=400)
        try:
            old = self.run(loyalty.adjust_points, made["customer"], 80, "แต้มปีที่แล้ว")
        finally:
            self.terminal.clock = clock
        assert self.run(loyalty.expire_points) == 1
        made["points_expiry"] = loyalty.expiry_id(old)
        # The loyalty program: a manager makes reviews worth more; a review, a
        # friend brought by the member, the daily jobs, and a tier change.
        program = self.terminal.read(loyalty_program, self.terminal.device().chain_id)
        self.run(settings.set_loyalty_program, replace(program, earn=replace(program.earn, review=60)))
        self.run(loyalty.record_review, made["customer"])
        code = self.terminal.read(customers.get_customer, made["customer"]).referral_code
        friend = self.run(customers.register_customer, CustomerForm(name_th="เพื่อน สมหญิง", phone="0871111111"),
                          referral_code=code)
        made["referral"] = referral_id(friend)
        latecomer = self.run(customers.register_customer, CustomerForm(name_th="มาทีหลัง", phone="0872222222"))
        self.run(loyalty.record_referral, latecomer, code)
        self.run(loyalty.award_birthdays)
        self.run(loyalty.adjust_points, made["customer"], 1_000, "โบนัสเปิดสาขา")  # now Silver
        made["tier_change"] = tier_change_id(made["customer"], "bronze", "silver", tier_period(self.terminal.clock()))
        self.run(loyalty.record_tier_changes)
        self.run(loyalty.run_daily_jobs)
        # Achievements: a manager adds one to the defaults; the member who checked in unlocks it, with its points.
        first_visit = achievement_rules.Definition(
            "first_visit", achievement_rules.Category.FREQUENCY, "มาครั้งแรก", "First Visit", "", "", 20,
            achievement_rules.Condition(achievement_rules.ConditionKind.VISITS, 1),
        )
        self.run(achievements.set_achievement_definitions, (*achievement_rules.DEFAULT_DEFINITIONS, first_visit),
                 actor=Actor(manager, "คุณวิภา", Role.MANAGER))
        assert "first_visit" in self.run(achievements.evaluate_achievements, made["customer"])
        made["achievement_unlock"] = achievement_rules.unlock_id(made["customer"], "first_visit")
        # Rewards and coupons: a manager's own reward and a default taken off; the member redeems;
        # a coupon issued and voided; a campaign's codes, one used at the counter.
        made["reward"] = self.run(rewards.set_reward, Reward(
            "", "ลด 100 บาท", "฿100 off", 200, CouponKind.AMOUNT, amount_satang=10_000, min_spend_satang=50_000))
        self.run(rewards.deactivate_reward, reward_id("percent_10"))
        self.run(rewards.redeem_reward, made["customer"], made["reward"])
        wrong = self.run(coupons.issue_coupon, CouponTerms(CouponKind.PERCENT, percent=15), made["customer"])
        self.run(coupons.void_coupon, wrong.id, "ออกผิดคน")
        codes = self.run(coupons.generate_campaign, "สงกรานต์", 3, CouponTerms(
            CouponKind.PERCENT, percent=20, item_kinds=frozenset({ItemKind.TREATMENT}), per_customer_limit=1))
        used = self.run(coupons.record_coupon_use, codes[0], [CartLine(treatment, ItemKind.TREATMENT, 150_000)],
                        customer_id=made["customer"], sale_ref="R-0001")
        made["coupon"], made["coupon_use"] = used.coupon_id, used.use_id
        # The counter: a shift opens with a float; the member buys two serums and the course with
        # her tier discount, part by card and the rest in cash; the shift closes with the cash counted.
        made["shift"] = self.run(shifts.open_shift, 100_000)
        # Change brought from the bank goes into the drawer; drinking water is paid from it.
        self.run(cash_movements.record_cash_movement, CashDirection.IN, 50_000, "แลกเหรียญจากธนาคาร")
        made["cash_movement"] = self.run(cash_movements.record_cash_movement, CashDirection.OUT, 4_500,
                                         "ซื้อน้ำดื่ม").movement_id
        self.run(counter_settings.set_promptpay_id, "081-234-5678")
        self.run(counter_settings.set_counter_settings, {"counter_rules": {
            "tier_kinds": ["treatment", "product", "package"], "tier_categories": None,
            "line_discount_limit_percent": 15}}, actor=Actor(manager, "คุณวิภา", Role.MANAGER))
        self.run(printing.set_printer, PrinterConfig("counter", PrinterKind.NETWORK, "127.0.0.1:9100"), default=True)
        # A peel too, performed by the manager on her journey below (the line's performer recorded).
        peel = self.run(catalog.create_item, ItemForm(
            kind=ItemKind.TREATMENT, name_th="พีลผิว", name_en="Peel", price_satang=90_000, vat_exempt=True,
            duration_minutes=45, protocol_steps=("ล้างหน้า", "ทากรด", "ล้างออก")))
        lines = (counter.OrderLine(product, quantity=2), counter.OrderLine(made["catalog_item"]),
                 counter.OrderLine(peel))
        due = self.terminal.read(counter.quote, counter.Order(lines, (), customer_id=made["customer"]),
                                 self.terminal.clock()).priced.total_satang
        sold = self.run(counter.checkout, counter.Order(lines, (
            Tender(PaymentMethod.CARD, 500_000, approval_code="A12345", card_last4="4242"),
            Tender(PaymentMethod.CASH, due - 500_000, tendered_satang=due - 500_000 + 1_840),
        ), customer_id=made["customer"]))
        made["sale"] = sold.sale_id
        # The course bought with it: its first session is used ("ตัดคอร์ส"), done by the manager.
        made["course_credit"] = self.run(courses.use_session, made["customer"], treatment, manager, "ครั้งที่ 1")
        # Its receipt was queued with it; the printer was off once, then printed it; a copy is asked for.
        [job] = self.terminal.read(printing.print_jobs)
        self.run(printing.record_attempt, job.id, "connection refused")
        self.run(printing.record_printed, job.id)
        self.run(printing.queue_receipt, sold.sale_id, copy=True)
        # One serum comes back the next hour, in cash; a sale rung up by mistake is voided.
        serum_line = self.terminal.read(lambda session: session.scalars(
            select(SaleLine.id).where(SaleLine.sale_id == sold.sale_id, SaleLine.item_id == product)).one())
        made["refund"] = self.run(refunds.refund_sale, sold.sale_id, [ReturnLine(serum_line, 1)], PaymentMethod.CASH,
                                  "ลูกค้าแพ้เซรั่ม").refund_id
        # She asks for a full tax invoice in her company's name: it replaces the receipt (the branch's tax id set first).
        self.run(branches.update_branch, tax_id="0105561234567")
        made["tax_invoice"] = self.run(tax_invoices.issue_full_invoice, sold.number, BuyerForm(
            "บริษัท สวยใส จำกัด", "0105559123454", "55 ถนนสีลม กรุงเทพฯ 10500", "สำนักงานใหญ่")).invoice_id
        # The branch sells the serum at ฿950 (its own price).
        mistake = self.run(counter.checkout, counter.Order((counter.OrderLine(product),), (
            Tender(PaymentMethod.CASH, 95_000),)))
        self.run(refunds.void_sale, mistake.sale_id, "คีย์รายการผิด")
        # A deposit: ฿300 by transfer now, the rest due in a month; the member comes back and pays it in cash.
        due_on = bangkok_date(self.terminal.clock()) + timedelta(days=30)
        deposit = self.run(counter.checkout, counter.Order((counter.OrderLine(product),), (
            Tender(PaymentMethod.TRANSFER, 30_000, reference="KBANK 42"),), customer_id=made["customer"],
            balance_due_on=due_on))
        self.run(balances.pay_balance, deposit.sale_id, [Tender(PaymentMethod.CASH, deposit.balance_satang)])
        # Her journey: a lead, scanned, a proposal, the payment confirmed by the sale, her treatment
        # scheduled with the manager as beautician; a second lead, scanned, is cancelled (its task with it), then reopened.
        made["journey"] = self.run(journeys.open_journey, made["customer"], title="ฝ้า กระ", note="สนใจเลเซอร์")
        self.run(journeys.move_journey, made["journey"], Stage.SCANNED)
        self.run(journeys.move_journey, made["journey"], Stage.PROPOSAL_SENT, "ส่งใบเสนอราคาทาง LINE")
        self.run(journeys.move_journey, made["journey"], Stage.PAYMENT_CONFIRMED, sale_id=sold.sale_id)
        self.run(journeys.assign_journey, made["journey"], beautician_id=manager, item_id=peel)
        # Her peel is booked first (a room of its own, beautician Fon's slot): the journey is scheduled with it.
        peel_room = self.run(rooms.create_room, "ห้องพีล")
        fon = self.run(staff.create_staff, "พี่ฝน", Role.BEAUTICIAN, "8251")
        peel_slot = self.terminal.read(appointments.find_free_slot, peel, fon, self.terminal.clock())
        booked = self.run(appointments.book, appointments.Booking(made["customer"], peel, fon, peel_room,
                                                                  peel_slot.starts_at))
        made["journey_action"] = self.run(journeys.move_journey, made["journey"], Stage.TREATMENT_SCHEDULED,
                                          appointment_id=booked)
        # The rules made a task at each stage; her treatment's (the manager is her beautician) is claimed,
        # started, a step ticked, notes written and completed (the sale sold the facial: the manager is
        # recorded as its line's performer); the follow-up it made is given to the manager.
        boss = Actor(manager, "คุณวิภา", Role.MANAGER)
        made["task"] = self.terminal.read(lambda session: session.scalars(select(Task.id).where(
            Task.journey_id == made["journey"], Task.rule == "perform_treatment")).one())
        self.run(tasks.claim_task, made["task"], actor=boss)
        # The manager words the consent form: the chain's text, and the peel's own (its acid stings).
        self.run(consents.set_consent_text, {
            "th": "ข้าพเจ้า {customer} ยินยอมรับทรีตเมนต์ {treatment} ที่ {clinic}",
            "treatments": {peel: {"th": "ข้าพเจ้า {customer} ทราบว่าการพีลผิวอาจแสบและผิวลอก",
                                  "en": "I, {customer}, know a peel may sting and the skin may flake."}}},
                 actor=boss)
        # She signs the treatment's consent form on the screen before it starts (the PDF and ink are files).
        made["treatment_consent"] = self.run(
            consents.sign_consent, made["customer"], treatment, signature_png(), task_id=made["task"],
            images=ImageStore.beside(self.terminal.path), actor=boss).consent_id
        self.run(tasks.start_task, made["task"], actor=boss)
        self.run(tasks.tick_step, made["task"], 0, actor=boss)
        # A before photo of her face (she consented to photos with her scan).
        before = self.terminal.path.parent / f"{self.terminal.path.stem}-tour-before.png"
        before.write_bytes(photo_bytes(11))
        made["treatment_photo"] = self.run(treatment_photos.add_treatment_photo, made["task"], before, "before",
                                           images=ImageStore.beside(self.terminal.path), actor=boss).photo_id
        self.run(tasks.set_notes, made["task"], "ผิวแพ้ง่าย", actor=boss)
        self.run(tasks.complete_task, made["task"], actor=boss)
        made["line_performance"] = self.terminal.read(lambda session: session.scalars(
            select(LinePerformance.id)).one())
        follow_up = self.terminal.read(lambda session: session.scalars(select(Task.id).where(
            Task.journey_id == made["journey"], Task.rule == "follow_up")).one())
        self.run(tasks.reassign_task, follow_up, manager, actor=boss)
        # The manager adds a rule: a room prepared by the front desk when a treatment starts.
        self.run(tasks.set_automation_rules, [*DEFAULT_RULES, {
            "key": "prepare_room", "stage": "in_treatment", "title_th": "เตรียมห้องให้ {customer}",
            "title_en": "Prepare a room for {customer}", "assign_to": "role", "role": "front_desk"}], actor=boss)
        lead = self.run(journeys.open_journey, made["customer"], title="ยกกระชับ")
        self.run(journeys.move_journey, lead, Stage.SCANNED)  # its "send the proposal" task is cancelled with it
        self.run(journeys.cancel_journey, lead, "ลูกค้าขอเลื่อนไปปีหน้า")
        self.run(journeys.reopen_journey, lead, Stage.LEAD_CREATED, "ลูกค้ากลับมาสนใจ")
        # A third case: scanned, a plan proposed, then revised (the first superseded); the customer
        # pays the revised plan at the counter, which confirms the journey's payment with the sale.
        made["planned"] = self.run(journeys.open_journey, made["customer"], title="รักษาฝ้า")
        self.run(journeys.move_journey, made["planned"], Stage.SCANNED)
        self.run(proposals.make_proposal, made["planned"], [ProposalLine(product, 1, 95_000)], "ลองก่อน 1 ขวด")
        made["proposal"] = self.run(proposals.make_proposal, made["planned"], [ProposalLine(product, 2, 95_000)],
                                    "เซรั่ม 2 ขวด")
        plan_lines = (counter.OrderLine(product, quantity=2),)
        plan_due = self.terminal.read(counter.quote, counter.Order(plan_lines, (), customer_id=made["customer"]),
                                      self.terminal.clock()).priced.total_satang
        self.run(counter.checkout, counter.Order(plan_lines, (Tender(PaymentMethod.CASH, plan_due),),
                                                 customer_id=made["customer"], journey_id=made["planned"]))
        self.run(shifts.close_shift, {100_000: 3, 50: 1})
        self._appointments(made)
        made["setting"] = staff.LOCKOUT_KEY
        made["branch"] = self.terminal.device().branch_id
        return made

    def _appointments(self, made: dict[str, Any]) -> None:
        """A manager sets the rooms and hours; the desk books, moves, cancels; a no-show is recorded."""
        self.run(rooms.set_opening_hours, {day: ["09:00", "21:00"] for day in ("mon", "tue", "wed", "thu", "fri",
                                                                               "sat", "sun")})
        made["room"] = self.run(rooms.create_room, "ห้อง 1")
        spare = self.run(rooms.create_room, "ห้องสำรอง")
        self.run(rooms.update_room, spare, name="ห้อง 2", active=False)
        beautician = self.run(staff.create_staff, "พี่นิด", Role.BEAUTICIAN, "7140")
        facial = self.run(catalog.create_item, ItemForm(
            kind=ItemKind.TREATMENT, name_th="เลเซอร์หน้าใส", name_en="Laser", price_satang=250_000,
            vat_exempt=True, duration_minutes=45))
        now = self.terminal.clock()
        slot = self.terminal.read(appointments.find_free_slot, facial, beautician, now + timedelta(hours=1))
        # Booked from her paid journey: the journey is scheduled with it.
        made["appointment"] = self.run(appointments.book, appointments.Booking(
            made["customer"], facial, beautician, made["room"], slot.starts_at, note="ครั้งแรก",
            journey_id=made["planned"]))
        later = self.terminal.read(appointments.find_free_slot, facial, None, slot.ends_at)
        self.run(appointments.move, made["appointment"], later.starts_at)
        other = self.run(appointments.book, appointments.Booking(
            made["customer"], facial, beautician, made["room"], slot.starts_at))
        self.run(appointments.cancel, other, "ลูกค้าเลื่อนเอง")
        # An appointment booked three days ago (the terminal's clock set back, never ahead: a clock
        # ahead of the server's is an exception) started, and she did not come.
        clock = self.terminal.clock
        self.terminal.clock = lambda: clock() - timedelta(days=3)
        try:
            then = self.terminal.read(appointments.find_free_slot, facial, beautician,
                                      self.terminal.clock() + timedelta(hours=1))
            missed = self.run(appointments.book, appointments.Booking(
                made["customer"], facial, beautician, made["room"], then.starts_at))
        finally:
            self.terminal.clock = clock
        self.run(appointments.mark_no_show, missed)

    def resolve(self, exception_id: str) -> None:
        """A manager marks an exception resolved (it came from the server)."""
        self.run(sync_exceptions.resolve_exception, exception_id, "โทรยืนยันกับลูกค้าแล้ว")

    def note_sync_use_cases(self) -> None:
        """The sync machinery's own use cases ran in the sync rounds of the test."""
        self.ran.update(RUN_BY_SYNC)


__all__ = ["RUN_BY_SYNC", "Tour", "sync_state", "use_cases"]
