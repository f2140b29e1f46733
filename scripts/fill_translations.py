#!/usr/bin/env python3
"""Fill the Thai translations of the shell and of bnaura_desk's messages.

    python scripts/fill_translations.py [--force]

Fills every untranslated message of ``resources/i18n/bnaura_th.ts`` found in
``THAI`` below (``--force`` also replaces finished ones), then compiles the
``.qm`` files. Run ``python -m ui.i18n update`` first when strings changed in
the code; lupdate keeps translations already in the ``.ts``, so this table
only seeds new ones. Other screens can keep their own table the same way,
or pass a JSON file to ``python -m ui.i18n fill``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ui.i18n import ensure_compiled, fill_ts, ts_path, unfinished

THAI: dict[str, dict[str, str]] = {
    "PurchasesModel": {
        "Date": "วันที่",
        "Branch": "สาขา",
        "Receipt": "ใบเสร็จ",
        "Items": "รายการ",
        "Total": "ยอดรวม",
        "Still to pay": "ค้างชำระ",
        "{amount} by {date}": "{amount} ภายใน {date}",
    },
    "PurchasesPanel": {
        "Purchases": "ประวัติการซื้อ",
        "No purchases yet": "ยังไม่มีประวัติการซื้อ",
    },
    "roles": {
        "Front desk": "พนักงานหน้าร้าน",
        "Sales": "พนักงานขาย",
        "Beautician": "บิวตี้เทอราปิสต์",
        "Manager": "ผู้จัดการ",
        "Owner": "เจ้าของคลินิก",
    },
    # Used inside sentences: "คุณไม่มีสิทธิ์{action}", "อนุมัติการ{action}".
    "permissions": {
        "view customers": "ดูข้อมูลลูกค้า",
        "register and edit customers": "ลงทะเบียนและแก้ไขข้อมูลลูกค้า",
        "check customers in": "เช็กอินลูกค้า",
        "delete customers": "ลบข้อมูลลูกค้า",
        "import and export customers": "นำเข้าและส่งออกข้อมูลลูกค้า",
        "manage the catalog": "จัดการรายการสินค้าและบริการ",
        "adjust stock": "ปรับยอดสต็อก",
        "adjust a member's points": "ปรับแต้มของสมาชิก",
        "manage the loyalty program": "จัดการโปรแกรมสะสมแต้ม",
        "manage staff": "จัดการพนักงาน",
        "sell": "ขาย",
        "refund a sale": "คืนเงินรายการขาย",
        "void a sale": "ยกเลิกรายการขาย",
        "give a discount above the limit": "ให้ส่วนลดเกินวงเงินที่กำหนด",
        "change clinic settings": "เปลี่ยนการตั้งค่าคลินิก",
        "manage sync and its exceptions": "จัดการการซิงก์และรายการผิดปกติ",
        "view the audit log": "ดูประวัติการใช้งานระบบ",
        "open and move customer journeys": "เปิดและเลื่อนขั้นเคสลูกค้า",
        "start and finish a journey's treatment": "เริ่มและจบการทำทรีตเมนต์ของเคส",
        "move a journey back or reopen it": "ย้อนขั้นหรือเปิดเคสลูกค้าอีกครั้ง",
    },
    "journeys": {
        "Lead created": "ลูกค้าใหม่",
        "Skin scanned": "สแกนผิวแล้ว",
        "Proposal sent": "ส่งข้อเสนอแล้ว",
        "Payment confirmed": "ยืนยันการชำระเงินแล้ว",
        "Treatment scheduled": "นัดทำทรีตเมนต์แล้ว",
        "In treatment": "กำลังทำทรีตเมนต์",
        "Treatment completed": "ทำทรีตเมนต์เสร็จแล้ว",
        "Follow-up": "ติดตามผล",
        "Completed": "เสร็จสิ้น",
        "Cancelled": "ยกเลิก",
    },
    "achievements": {
        "Spending": "การใช้จ่าย",
        "Frequency": "ความถี่ในการมาคลินิก",
        "Referral": "การแนะนำเพื่อน",
        "Engagement": "การมีส่วนร่วม",
        "Treatments": "ทรีตเมนต์",
        "Secret": "ความสำเร็จลับ",
        "Purchases": "จำนวนครั้งที่ซื้อ",
        "Total spend": "ยอดใช้จ่ายรวม",
        "Visits": "จำนวนครั้งที่มา",
        "Visits within a number of days": "จำนวนครั้งที่มาภายในจำนวนวันที่กำหนด",
        "Consecutive months with a visit": "จำนวนเดือนติดต่อกันที่มาคลินิก",
        "Friends referred": "จำนวนเพื่อนที่แนะนำ",
        "Treatments done": "จำนวนทรีตเมนต์ที่ทำ",
        "Different treatments done": "จำนวนทรีตเมนต์ที่ไม่ซ้ำกัน",
        "Reviews written": "จำนวนรีวิวที่เขียน",
        "Days as a member": "จำนวนวันที่เป็นสมาชิก",
        "Years with a visit in the birth month": "จำนวนปีที่มาคลินิกในเดือนเกิด",
    },
    "consent": {
        "Keep treatment records": "เก็บประวัติการรักษา",
        "Skin scans and photos (sensitive data)": "ผลสแกนผิวและรูปถ่าย (ข้อมูลอ่อนไหว)",
        "Marketing messages": "รับข่าวสารและโปรโมชัน",
        "Share profile with other branches": "ใช้ข้อมูลร่วมกับสาขาอื่น",
    },
    "catalog": {
        "Treatment": "ทรีตเมนต์",
        "Product": "สินค้า",
        "Package": "แพ็กเกจ",
        "Received": "รับเข้า",
        "Count correction": "ปรับยอดตามการนับ",
        "Damaged or expired": "เสียหายหรือหมดอายุ",
        "Sold": "ขายออก",
        "Returned by a customer": "ลูกค้าคืนสินค้า",
    },
    "errors": {
        # Journeys (domain.journeys, services.journeys).
        "This journey was moved meanwhile; look at where it is now and move it again": (
            "เคสนี้ถูกเลื่อนไปแล้วระหว่างนี้ ตรวจสอบขั้นปัจจุบันแล้วเลื่อนใหม่อีกครั้ง"
        ),
        "A journey moves forward one stage at a time; a manager may move it back or reopen it": (
            "เคสเลื่อนไปข้างหน้าได้ทีละขั้น ผู้จัดการจึงจะย้อนขั้นหรือเปิดเคสอีกครั้งได้"
        ),
        "Write the reason for cancelling, moving back or reopening": "กรอกเหตุผลในการยกเลิก ย้อนขั้น หรือเปิดเคสอีกครั้ง",
        "Only a manager may move a journey back or reopen it": "เฉพาะผู้จัดการเท่านั้นที่ย้อนขั้นหรือเปิดเคสอีกครั้งได้",
        "Link a paid sale of this customer to confirm the payment": (
            "เลือกรายการขายของลูกค้ารายนี้ที่ชำระเงินแล้วเพื่อยืนยันการชำระเงิน"
        ),
        "Link an appointment to schedule the treatment": "เลือกนัดหมายเพื่อกำหนดวันทำทรีตเมนต์",
        "There is no such journey": "ไม่มีเคสนี้",
        "There is no such appointment": "ไม่มีนัดหมายนี้",
        "This sale is not of the journey's customer": "รายการขายนี้ไม่ใช่ของลูกค้าในเคสนี้",
        "Nothing is paid for this sale yet": "รายการขายนี้ยังไม่ได้ชำระเงิน",
        "The text is too long (at most {max} characters)": "ข้อความยาวเกินไป (ไม่เกิน {max} ตัวอักษร)",
        "Type the server's address, starting with https:// (or http:// on this PC)": (
            "กรอกที่อยู่เซิร์ฟเวอร์ ขึ้นต้นด้วย https:// (หรือ http:// สำหรับเครื่องนี้)"
        ),
        "Type the enrollment code the owner gave you": "กรอกรหัสลงทะเบียนที่เจ้าของคลินิกให้มา",
        "Give this terminal a name, e.g. Counter 1": "ตั้งชื่อเครื่องนี้ เช่น เคาน์เตอร์ 1",
        "Write what was done about it": "กรุณาเขียนว่าได้จัดการอย่างไร",
        # the server's refusals of an enrollment, as the enroll dialog says them
        "This enrollment code is not valid: check it, or ask the owner for a new one": (
            "รหัสลงทะเบียนนี้ไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง หรือขอรหัสใหม่จากเจ้าของคลินิก"
        ),
        "This enrollment code was already used; ask the owner for a new one": (
            "รหัสลงทะเบียนนี้ถูกใช้ไปแล้ว กรุณาขอรหัสใหม่จากเจ้าของคลินิก"
        ),
        "This enrollment code has expired; ask the owner for a new one": (
            "รหัสลงทะเบียนนี้หมดอายุแล้ว กรุณาขอรหัสใหม่จากเจ้าของคลินิก"
        ),
        "This enrollment code was locked after too many wrong attempts; ask the owner for a new one": (
            "รหัสลงทะเบียนนี้ถูกล็อกเพราะกรอกผิดหลายครั้งเกินไป กรุณาขอรหัสใหม่จากเจ้าของคลินิก"
        ),
        "Too many wrong enrollment codes from this computer; wait {minutes} minutes and try again": (
            "กรอกรหัสลงทะเบียนผิดจากเครื่องนี้หลายครั้งเกินไป กรุณารอ {minutes} นาทีแล้วลองใหม่"
        ),
        "This terminal belongs to another clinic than the one of this code; the owner can adopt it on the "
        "server with: bnaura server clinics add NAME --id {clinic_id}": (
            "เครื่องนี้เป็นของคลินิกอื่น ไม่ใช่คลินิกของรหัสนี้ เจ้าของคลินิกรับเครื่องนี้เข้าเซิร์ฟเวอร์ได้ด้วยคำสั่ง: "
            "bnaura server clinics add NAME --id {clinic_id}"
        ),
        "This terminal is already enrolled with this server": "เครื่องนี้ลงทะเบียนกับเซิร์ฟเวอร์นี้ไว้แล้ว",
        "The certificate authority file {path} cannot be used: {reason}": "ใช้ไฟล์ผู้ออกใบรับรอง {path} ไม่ได้: {reason}",
        "The clinic server's certificate cannot be trusted ({reason}). If the clinic uses its own certificate "
        "authority, enroll with its certificate: bnaura enroll URL CODE --ca-file FILE": (
            "เชื่อถือใบรับรองของเซิร์ฟเวอร์คลินิกไม่ได้ ({reason}) หากคลินิกใช้ผู้ออกใบรับรองของตนเอง "
            "ให้ลงทะเบียนพร้อมใบรับรองนั้น: bnaura enroll URL CODE --ca-file FILE"
        ),
        "The note is too long (at most {max} characters)": "บันทึกยาวเกินไป (ไม่เกิน {max} ตัวอักษร)",
        "This exception does not exist": "ไม่พบรายการผิดปกตินี้",
        "This exception was already resolved": "รายการผิดปกตินี้ถูกจัดการไปแล้ว",
        "BN-Aura Desk": "BN-Aura Desk",
        "Something went wrong: {error}": "เกิดข้อผิดพลาด: {error}",
        # staff and PINs
        "Enter the staff member's name": "กรุณาใส่ชื่อพนักงาน",
        "A name may have at most {limit} characters": "ชื่อยาวได้ไม่เกิน {limit} ตัวอักษร",
        "{name} may not sign in at this branch; ask a manager":
            "{name} ไม่ได้รับสิทธิ์เข้าสู่ระบบที่สาขานี้ กรุณาติดต่อผู้จัดการ",
        "This chain has no branch {branch}": "เครือนี้ไม่มีสาขา {branch}",
        "This branch is not known on this terminal yet": "เครื่องนี้ยังไม่มีข้อมูลของสาขานี้",
        "At most {limit} characters": "ไม่เกิน {limit} ตัวอักษร",
        "Enter the branch's Thai name": "กรุณากรอกชื่อสาขาภาษาไทย",
        "A tax id is 13 digits": "เลขประจำตัวผู้เสียภาษีต้องมี 13 หลัก",
        "This staff member no longer exists": "ไม่พบพนักงานคนนี้แล้ว",
        "Only an owner may give the owner role": "เฉพาะเจ้าของคลินิกเท่านั้นที่ให้บทบาทเจ้าของคลินิกได้",
        "You cannot deactivate yourself": "คุณปิดการใช้งานบัญชีของตัวเองไม่ได้",
        "Too many wrong PINs: {name} is locked for {minutes} more minutes":
            "ใส่ PIN ผิดหลายครั้งเกินไป บัญชีของ {name} ถูกล็อกไว้อีก {minutes} นาที",
        "{name} is no longer active": "บัญชีของ {name} ถูกปิดการใช้งานแล้ว",
        "Wrong PIN; {left} tries left before the account is locked":
            "PIN ไม่ถูกต้อง เหลืออีก {left} ครั้งก่อนบัญชีถูกล็อก",
        "{name} may not authorise: {action}": "{name} ไม่มีสิทธิ์อนุมัติการ{action}",
        "Allow 3 to 20 wrong PINs and a lock of 1 to 1440 minutes":
            "กำหนดให้ใส่ PIN ผิดได้ 3 ถึง 20 ครั้ง และล็อกได้ 1 ถึง 1440 นาที",
        "A PIN is 4 to 6 digits": "PIN ต้องเป็นตัวเลข 4 ถึง 6 หลัก",
        # chain settings a branch may override
        "There is no setting {key}": "ไม่มีการตั้งค่า {key}",
        "The setting {key} is the same at every branch": "การตั้งค่า {key} ใช้เหมือนกันทุกสาขา กำหนดแยกรายสาขาไม่ได้",
        "The setting {key} is chain-wide: mark it per-branch before a branch sets its own":
            "การตั้งค่า {key} ใช้ทั้งเครือ ต้องกำหนดให้แยกรายสาขาได้ก่อน สาขาจึงจะตั้งค่าของตัวเองได้",
        "This PIN is too easy to guess; choose another": "PIN นี้เดาง่ายเกินไป กรุณาตั้ง PIN อื่น",
        "You may not {action}; ask a manager to authorise it": "คุณไม่มีสิทธิ์{action} กรุณาให้ผู้จัดการอนุมัติ",
        "No PIN was set; nothing was changed": "ยังไม่ได้ตั้ง PIN จึงไม่มีการเปลี่ยนแปลงใด ๆ",
        # database and command line
        "{path} is not set up yet; run: bnaura init --db {path}":
            "ฐานข้อมูล {path} ยังไม่ได้ตั้งค่า ให้รันคำสั่ง: bnaura init --db {path}",
        "The database schema is {revision} but this app needs {head}; run: bnaura init --db {path}":
            "ฐานข้อมูลเป็นรุ่น {revision} แต่โปรแกรมนี้ต้องการรุ่น {head} ให้รันคำสั่ง: bnaura init --db {path}",
        "{path} is not a BN-Aura database (not an SQLite file)":
            "{path} ไม่ใช่ฐานข้อมูลของ BN-Aura (ไม่ใช่ไฟล์ SQLite)",
        "{path} is an SQLite database of another program, not a BN-Aura database":
            "{path} เป็นฐานข้อมูล SQLite ของโปรแกรมอื่น ไม่ใช่ฐานข้อมูลของ BN-Aura",
        "{path} already belongs to a clinic; enroll it as it is or use a new database":
            "{path} เป็นของคลินิกหนึ่งอยู่แล้ว ให้ลงทะเบียนเครื่องนี้ตามเดิมหรือใช้ฐานข้อมูลใหม่",
        "This terminal is not connected to a clinic server; run: bnaura enroll URL CODE":
            "เครื่องนี้ยังไม่ได้เชื่อมต่อกับเซิร์ฟเวอร์ของคลินิก ให้รัน: bnaura enroll URL CODE",
        "The clinic server refused: {message}":
            "เซิร์ฟเวอร์ของคลินิกปฏิเสธ: {message}",
        "The clinic server is not available (HTTP {http_status}); will try again":
            "เซิร์ฟเวอร์ของคลินิกยังใช้งานไม่ได้ (HTTP {http_status}) ระบบจะลองใหม่อีกครั้ง",
        "Cannot reach the clinic server: {reason}":
            "ติดต่อเซิร์ฟเวอร์ของคลินิกไม่ได้: {reason}",
        "The database {path} is open in another BN-Aura program (process {pid}); close it first":
            "ฐานข้อมูล {path} เปิดอยู่ในโปรแกรม BN-Aura อีกตัวหนึ่ง (โปรเซส {pid}) กรุณาปิดโปรแกรมนั้นก่อน",
        "There is no database at {path}": "ไม่พบฐานข้อมูลที่ {path}",
        "This database was written by a newer version of BN-Aura Desk (schema {revision}); "
        "please update this terminal":
            "ฐานข้อมูลนี้มาจาก BN-Aura Desk รุ่นที่ใหม่กว่า (สคีมา {revision}) กรุณาอัปเดตโปรแกรมในเครื่องนี้",
        "Malformed clock value: {value}": "ค่าเวลาของระบบไม่ถูกต้อง: {value}",
        "Give the clinic's name with --clinic NAME": "กรุณาระบุชื่อคลินิกด้วย --clinic NAME",
        "A new database needs its first owner: give --owner-name NAME and --owner-pin PIN":
            "ฐานข้อมูลใหม่ต้องมีเจ้าของคลินิกคนแรก: ระบุ --owner-name NAME และ --owner-pin PIN",
        "Give the owner's PIN with --owner-pin PIN": "กรุณาระบุ PIN ของเจ้าของคลินิกด้วย --owner-pin PIN",
        "The demo clinic is not available: {error}": "ใช้คลินิกตัวอย่างไม่ได้: {error}",
        "The desktop app cannot start: {error}": "เปิดโปรแกรมไม่ได้: {error}",
        "{path} already exists; choose another name": "มีไฟล์ {path} อยู่แล้ว กรุณาเลือกชื่ออื่น",
        "The number of demo customers cannot be negative": "จำนวนลูกค้าตัวอย่างติดลบไม่ได้",
        "{path} already has staff; the demo needs a new database":
            "{path} มีพนักงานอยู่แล้ว ข้อมูลตัวอย่างต้องใช้ฐานข้อมูลใหม่",
        # customers
        "This customer no longer exists": "ไม่พบลูกค้ารายนี้แล้ว",
        "{phone} already belongs to {name}": "เบอร์ {phone} มีอยู่แล้ว เป็นของ {name}",
        "Unknown consent purpose {purpose}": "ไม่รู้จักวัตถุประสงค์การให้ความยินยอม {purpose}",
        "A consent is either given or withdrawn ({purpose})": "ความยินยอมต้องเป็นให้หรือถอนอย่างใดอย่างหนึ่ง ({purpose})",
        "Already checked in today at {time}": "เช็กอินไปแล้ววันนี้ เวลา {time} น.",
        "Enter the customer's name in Thai or in English": "กรุณาใส่ชื่อลูกค้าเป็นภาษาไทยหรือภาษาอังกฤษ",
        "{email} is not an email address": "{email} ไม่ใช่อีเมลที่ถูกต้อง",
        "A LINE ID has 4 to 20 letters, digits, dots, dashes or underscores":
            "LINE ID ต้องยาว 4 ถึง 20 ตัว ใช้ได้เฉพาะตัวอักษรอังกฤษ ตัวเลข จุด ขีด หรือขีดล่าง",
        "The birthday cannot be in the future": "วันเกิดต้องไม่เป็นวันในอนาคต",
        "Please check the birthday year": "กรุณาตรวจสอบปีเกิดอีกครั้ง",
        "Quiet hours need both a start and an end": "ช่วงเวลางดติดต่อต้องมีทั้งเวลาเริ่มและเวลาสิ้นสุด",
        "Skin notes may have at most {limit} characters": "บันทึกสภาพผิวยาวได้ไม่เกิน {limit} ตัวอักษร",
        "Type the birthday as day/month/year, e.g. 25/12/1990 or 25/12/2533":
            "กรุณาพิมพ์วันเกิดเป็น วัน/เดือน/ปี เช่น 25/12/2533 หรือ 25/12/1990",
        "{text} is not a date on the calendar": "{text} ไม่ใช่วันที่ที่มีอยู่จริงในปฏิทิน",
        "Phone number is required": "กรุณาใส่เบอร์โทรศัพท์",
        "Phone number may contain only digits, spaces and dashes": "เบอร์โทรศัพท์ใส่ได้เฉพาะตัวเลข ช่องว่าง และขีด",
        "{phone} is not a Thai mobile number (10 digits starting 06, 08 or 09)":
            "{phone} ไม่ใช่เบอร์มือถือไทย (10 หลัก ขึ้นต้นด้วย 06, 08 หรือ 09)",
        "A referral code has 10 letters and digits, e.g. {example}":
            "รหัสแนะนำเพื่อนมี 10 ตัว เป็นตัวอักษรและตัวเลข เช่น {example}",
        "Referral code {code} has a typo; please check it again":
            "รหัสแนะนำเพื่อน {code} พิมพ์ผิด กรุณาตรวจสอบอีกครั้ง",
        # achievements a manager defines
        "The achievements must be a list of at most 100 definitions":
            "รายการความสำเร็จต้องเป็นรายการนิยามไม่เกิน 100 รายการ",
        "The achievements take too much room: shorten descriptions or remove some":
            "รายการความสำเร็จยาวเกินกว่าที่บันทึกได้ กรุณาย่อคำอธิบายหรือลบบางรายการ",
        "An achievement's key is 1 to 40 small letters, digits or _, from a letter":
            "รหัสของความสำเร็จมี 1 ถึง 40 ตัว เป็นตัวอักษรอังกฤษพิมพ์เล็ก ตัวเลข หรือ _ และขึ้นต้นด้วยตัวอักษร",
        "The achievement key {key} is used twice": "รหัสความสำเร็จ {key} ถูกใช้ซ้ำ",
        "Achievement {key} has no known category": "ความสำเร็จ {key} ไม่มีหมวดที่ระบบรู้จัก",
        "Achievement {key} has no known condition": "ความสำเร็จ {key} ไม่มีเงื่อนไขที่ระบบรู้จัก",
        "Achievement {key} awards 0 to 100,000 points": "ความสำเร็จ {key} ให้แต้มได้ 0 ถึง 100,000 แต้ม",
        "Achievement {key} needs a Thai name": "ความสำเร็จ {key} ต้องมีชื่อภาษาไทย",
        "The names of achievement {key} have at most 80 characters and its descriptions 300":
            "ชื่อของความสำเร็จ {key} ยาวได้ไม่เกิน 80 ตัวอักษร และคำอธิบายไม่เกิน 300 ตัวอักษร",
        "The figures of achievement {key} must be whole numbers": "ตัวเลขของความสำเร็จ {key} ต้องเป็นจำนวนเต็ม",
        "The target of achievement {key} must be above zero": "เป้าหมายของความสำเร็จ {key} ต้องมากกว่าศูนย์",
        "The window of achievement {key} is 1 to 3,660 days": "ช่วงเวลาของความสำเร็จ {key} ต้องเป็น 1 ถึง 3,660 วัน",
        "Achievement {key} names a treatment the catalog does not have":
            "ความสำเร็จ {key} ระบุทรีตเมนต์ที่ไม่มีในรายการบริการ",
        "Only a treatments achievement may name a treatment":
            "ระบุทรีตเมนต์ได้เฉพาะความสำเร็จที่นับจำนวนทรีตเมนต์",
        "Achievement {key} is in the secret category: it must be hidden":
            "ความสำเร็จ {key} อยู่ในหมวดลับ จึงต้องซ่อนไว้จนกว่าจะปลดล็อก",
        # customer import (CSV)
        "{file} has {bad} bad rows; nothing was imported (fix them, or import the other {good} rows "
        "with --skip-bad)":
            "{file} มีแถวที่ไม่ถูกต้อง {bad} แถว จึงยังไม่ได้นำเข้าข้อมูลใด ๆ "
            "(แก้ไขแถวเหล่านั้น หรือนำเข้าอีก {good} แถวที่ถูกต้องด้วย --skip-bad)",
        "line {line}: {message}": "บรรทัด {line}: {message}",
        "Customer {row} of the list: {message}": "ลูกค้ารายที่ {row} ในรายการ: {message}",
        "{phone} is also the phone of customer {other} of the list": "เบอร์ {phone} ซ้ำกับลูกค้ารายที่ {other} ในรายการ",
        "This chain has no such branch": "เครือนี้ไม่มีสาขานี้",
        "Add or take 1 to 1,000,000 points": "เพิ่มหรือหักแต้มได้ 1 ถึง 1,000,000 แต้ม",
        "The loyalty program is not complete": "โปรแกรมสะสมแต้มยังกรอกไม่ครบ",
        "Points per baht must be 1 point for ฿1 to ฿100,000": "อัตราแต้มต้องเป็น 1 แต้มต่อ ฿1 ถึง ฿100,000",
        "An award is 0 to 100,000 points; it cannot be negative": "แต้มที่ให้ต้องอยู่ระหว่าง 0 ถึง 100,000 แต้ม และติดลบไม่ได้",
        "A program has 1 to 12 tiers": "โปรแกรมมีระดับสมาชิกได้ 1 ถึง 12 ระดับ",
        "A tier needs a name, points, a discount and a multiplier": "ระดับสมาชิกต้องมีชื่อ แต้ม ส่วนลด และตัวคูณแต้ม",
        "A tier's discount is 0 to 100 % and its multiplier 0 to 10 times": (
            "ส่วนลดของระดับต้องอยู่ระหว่าง 0 ถึง 100 % และตัวคูณแต้ม 0 ถึง 10 เท่า"
        ),
        "Tiers overlap: the first starts at 0 points and each starts above the one before": (
            "ระดับสมาชิกซ้อนกัน: ระดับแรกเริ่มที่ 0 แต้ม และแต่ละระดับต้องเริ่มสูงกว่าระดับก่อนหน้า"
        ),
        "Tiers qualify on lifetime points or on the last 12 months": (
            "การเลื่อนระดับนับจากแต้มสะสมทั้งหมด หรือแต้มใน 12 เดือนล่าสุด"
        ),
        "No customer has the phone {phone}": "ไม่มีลูกค้าที่ใช้เบอร์โทร {phone}",
        "No customer has the referral code {code}": "ไม่มีลูกค้าที่ใช้รหัสแนะนำ {code}",
        "A customer cannot use their own referral code": "ลูกค้าใช้รหัสแนะนำของตัวเองไม่ได้",
        "This customer was already referred by someone else": "ลูกค้ารายนี้มีผู้แนะนำอยู่แล้ว",
        "Say why the points are adjusted": "ระบุเหตุผลที่ปรับแต้ม",
        "The reason has at most 500 characters": "เหตุผลยาวได้ไม่เกิน 500 ตัวอักษร",
        "The demo chain has 1 to {most} branches": "เครือตัวอย่างมีได้ 1 ถึง {most} สาขา",
        "A branch number is up to five digits: 00000 for the head office, 00001 for branch 1": (
            "เลขที่สาขามีไม่เกินห้าหลัก: 00000 สำหรับสำนักงานใหญ่ 00001 สำหรับสาขาที่ 1"
        ),
        "{file} is not UTF-8 (it looks like Thai Windows-874/TIS-620); in Excel use Save As → CSV UTF-8":
            "{file} ไม่ใช่ UTF-8 (ดูเหมือนเป็นภาษาไทยแบบ Windows-874/TIS-620) "
            "ใน Excel ให้ใช้ บันทึกเป็น → CSV UTF-8",
        "{file} is not UTF-8; in Excel use Save As → CSV UTF-8":
            "{file} ไม่ใช่ UTF-8 ใน Excel ให้ใช้ บันทึกเป็น → CSV UTF-8",
        "{value} in {column} is not yes or no": "{value} ในคอลัมน์ {column} ไม่ใช่ yes หรือ no",
        "{value} is not a date; write it as yyyy-mm-dd": "{value} ไม่ใช่วันที่ กรุณาเขียนเป็น yyyy-mm-dd (ปี ค.ศ.)",
        "{value} in {column} is not a time of day; write it as hh:mm":
            "{value} ในคอลัมน์ {column} ไม่ใช่เวลา กรุณาเขียนเป็น hh:mm",
        "{value} is not a gender (female, male, other or unspecified)":
            "{value} ไม่ใช่ค่าเพศที่รองรับ (female, male, other หรือ unspecified)",
        "{value} is not a contact channel (sms, line, email, in_app or call)":
            "{value} ไม่ใช่ช่องทางติดต่อที่รองรับ (sms, line, email, in_app หรือ call)",
        "{file} has unknown columns: {columns}; the columns are: {known}":
            "{file} มีคอลัมน์ที่ไม่รู้จัก: {columns} คอลัมน์ที่ใช้ได้คือ: {known}",
        "{file} has the column {column} twice": "{file} มีคอลัมน์ {column} ซ้ำสองครั้ง",
        "{file} needs a phone column and a name_th or name_en column":
            "{file} ต้องมีคอลัมน์ phone และคอลัมน์ name_th หรือ name_en",
        "This customer was deleted; remove the row or clear deleted_at":
            "ลูกค้ารายนี้ถูกลบแล้ว กรุณาลบแถวนี้ออกหรือล้างค่า deleted_at",
        "{file} is empty": "{file} ไม่มีข้อมูล",
        "This row has {count} values but the header has {columns} columns":
            "แถวนี้มี {count} ค่า แต่หัวตารางมี {columns} คอลัมน์",
        "{value} is in a column without a name": "{value} อยู่ในคอลัมน์ที่ไม่มีชื่อ",
        "{file} line {line} cannot be read as CSV: {error}": "อ่าน {file} บรรทัดที่ {line} เป็น CSV ไม่ได้: {error}",
        "{phone} is also on line {lines}": "เบอร์ {phone} ซ้ำกับบรรทัดที่ {lines}",
        # catalog
        "This catalog item no longer exists": "ไม่พบรายการนี้ในแคตตาล็อกแล้ว",
        "SKU {sku} is already used by {name}": "รหัสสินค้า (SKU) {sku} ใช้กับ {name} อยู่แล้ว",
        "Barcode {code} is already used by {name}": "บาร์โค้ด {code} ใช้กับ {name} อยู่แล้ว",
        "A package must contain a treatment that is on sale": "แพ็กเกจต้องมีทรีตเมนต์ที่ยังเปิดขายอยู่",
        "A catalog item's kind cannot change; add a new item instead":
            "เปลี่ยนประเภทของรายการไม่ได้ กรุณาเพิ่มเป็นรายการใหม่แทน",
        "Only products have stock; {name} is not a product": "เฉพาะสินค้าเท่านั้นที่มีสต็อก {name} ไม่ใช่สินค้า",
        "A barcode is 8, 12 or 13 digits (EAN-8, UPC-A or EAN-13)":
            "บาร์โค้ดต้องเป็นตัวเลข 8, 12 หรือ 13 หลัก (EAN-8, UPC-A หรือ EAN-13)",
        "Barcode {code} has a wrong check digit; scan or type it again":
            "บาร์โค้ด {code} มีเลขตรวจสอบไม่ถูกต้อง กรุณาสแกนหรือพิมพ์ใหม่",
        "Enter the price in baht": "กรุณาใส่ราคาเป็นบาท",
        "PromptPay id is required": "กรุณาใส่หมายเลขพร้อมเพย์",
        "Payment {number}: enter an amount above ฿0.00": "การชำระที่ {number}: ใส่ยอดมากกว่า ฿0.00",
        "Payment {number}: the cash received is less than {amount}": "การชำระที่ {number}: เงินสดที่รับมาน้อยกว่า {amount}",
        "Payment {number}: enter the card terminal's approval code": "การชำระที่ {number}: ใส่รหัสอนุมัติจากเครื่องรูดบัตร",
        "Payment {number}: enter the card's last 4 digits": "การชำระที่ {number}: ใส่เลข 4 หลักท้ายของบัตร",
        "Payment {number}: enter the transfer's reference (up to 60 characters)": (
            "การชำระที่ {number}: ใส่เลขอ้างอิงการโอน (ไม่เกิน 60 ตัวอักษร)"
        ),
        "The payments come to {paid}, more than the {due} due": "ยอดชำระรวม {paid} เกินยอดที่ต้องชำระ {due}",
        "{balance} is still to pay; take the rest or make it a deposit with a due date": (
            "ยังค้างชำระ {balance} รับชำระส่วนที่เหลือ หรือทำเป็นมัดจำพร้อมวันครบกำหนด"
        ),
        "A deposit pays part of the sale now and the rest later": "มัดจำคือชำระบางส่วนตอนนี้และส่วนที่เหลือภายหลัง",
        "The balance's due date must be after today": "วันครบกำหนดชำระยอดคงเหลือต้องเป็นหลังวันนี้",
        "The cart is empty": "ยังไม่มีรายการในตะกร้า",
        "A sale has at most {count} lines": "การขายหนึ่งครั้งมีได้ไม่เกิน {count} รายการ",
        "Line {line}: this item is not in the catalog": "รายการที่ {line}: ไม่มีสินค้าหรือบริการนี้ในรายการ",
        "Line {line}: {name} is not sold at this branch": "รายการที่ {line}: {name} ไม่ได้ขายที่สาขานี้",
        "Open a shift before selling": "กรุณาเปิดกะก่อนขาย",
        "Printer {printer} did not print the test page: {reason}": "เครื่องพิมพ์ {printer} ไม่ได้พิมพ์หน้าทดสอบ: {reason}",
        "Printer {printer} is offline: the receipt waits in the queue": "เครื่องพิมพ์ {printer} ออฟไลน์: ใบเสร็จรออยู่ในคิวพิมพ์",
        "A printer needs a name of at most 60 characters": "ตั้งชื่อเครื่องพิมพ์ ไม่เกิน 60 ตัวอักษร",
        "A receipt printer prints 576 dots (80 mm) or 512 (72 mm)": "เครื่องพิมพ์ใบเสร็จพิมพ์ได้กว้าง 576 จุด (80 มม.) หรือ 512 จุด (72 มม.)",
        "Give the printer's device path, e.g. /dev/usb/lp0": "ระบุพาธอุปกรณ์ของเครื่องพิมพ์ เช่น /dev/usb/lp0",
        "Give the printer's address as host or host:port, e.g. 192.168.1.50:9100": "ระบุที่อยู่เครื่องพิมพ์เป็น host หรือ host:port เช่น 192.168.1.50:9100",
        "There is no printer {name} on this terminal": "เครื่องนี้ไม่มีเครื่องพิมพ์ชื่อ {name}",
        "This terminal has no default receipt printer: bnaura printer add NAME ... --default": "เครื่องนี้ยังไม่มีเครื่องพิมพ์ใบเสร็จหลัก: bnaura printer add NAME ... --default",
        "There is no such print job": "ไม่พบงานพิมพ์นี้",
        "There is no such shift on this terminal": "ไม่มีกะนี้ในเครื่องนี้",
        "The float is ฿0 to ฿100,000": "เงินทอนตั้งต้นต้องอยู่ระหว่าง ฿0 ถึง ฿100,000",
        "A shift is already open on this terminal": "เครื่องนี้มีกะที่เปิดอยู่แล้ว",
        "No shift is open on this terminal": "เครื่องนี้ไม่มีกะที่เปิดอยู่",
        "{value} is not a Thai note or coin, or its count is wrong": "{value} ไม่ใช่ธนบัตรหรือเหรียญไทย หรือจำนวนไม่ถูกต้อง",
        "{target} is not a PromptPay id: enter a Thai mobile number (10 digits starting 06, 08 or 09), a 13-digit "
        "national or tax id, or a 15-digit e-wallet id": (
            "{target} ไม่ใช่หมายเลขพร้อมเพย์: ใส่เบอร์มือถือ 10 หลักที่ขึ้นต้นด้วย 06, 08 หรือ 09 "
            "เลขประจำตัวประชาชนหรือเลขประจำตัวผู้เสียภาษี 13 หลัก หรือเลขวอลเล็ต 15 หลัก"
        ),
        "A PromptPay QR needs an amount above ฿0.00, not {amount}": "QR พร้อมเพย์ต้องมียอดมากกว่า ฿0.00 ไม่ใช่ {amount}",
        "{amount} is more than a PromptPay QR can carry (at most {maximum})": (
            "{amount} เกินยอดที่ QR พร้อมเพย์รับได้ (สูงสุด {maximum})"
        ),
        "A price cannot be negative": "ราคาติดลบไม่ได้",
        "A price may be at most {limit}; please check it": "ราคาต้องไม่เกิน {limit} กรุณาตรวจสอบอีกครั้ง",
        "{text} is not an amount in baht (e.g. 1,500.00)": "{text} ไม่ใช่จำนวนเงินบาท (เช่น 1,500.00)",
        "Enter how many minutes the treatment takes": "กรุณาใส่ระยะเวลาของทรีตเมนต์เป็นนาที",
        "A treatment takes {low} to {high} minutes": "ทรีตเมนต์ใช้เวลาได้ {low} ถึง {high} นาที",
        "Protocol step {number} is empty; fill it in or remove it": "ขั้นตอนที่ {number} ยังว่างอยู่ กรุณากรอกหรือลบออก",
        "Protocol step {number} is longer than {limit} characters": "ขั้นตอนที่ {number} ยาวเกิน {limit} ตัวอักษร",
        "A protocol may have at most {limit} steps": "โปรโตคอลมีได้ไม่เกิน {limit} ขั้นตอน",
        "Enter the product's SKU": "กรุณาใส่รหัสสินค้า (SKU)",
        "A SKU may have at most {limit} characters": "รหัสสินค้า (SKU) ยาวได้ไม่เกิน {limit} ตัวอักษร",
        "Choose the treatment this package contains": "กรุณาเลือกทรีตเมนต์ของแพ็กเกจนี้",
        "A package has {low} to {high} sessions": "แพ็กเกจมีได้ {low} ถึง {high} ครั้ง",
        "Unknown kind of catalog item: {kind}": "ไม่รู้จักประเภทรายการ: {kind}",
        "Enter the item's name in Thai": "กรุณาใส่ชื่อรายการเป็นภาษาไทย",
        "Unknown reason for a stock movement: {reason}": "ไม่รู้จักเหตุผลของการปรับสต็อก: {reason}",
        "Enter a whole number of pieces other than zero": "กรุณาใส่จำนวนชิ้นเป็นจำนวนเต็มที่ไม่ใช่ศูนย์",
        "Received or returned stock must be a positive number": "จำนวนที่รับเข้าหรือรับคืนต้องเป็นจำนวนบวก",
        "Damaged or sold stock must be a negative number": "จำนวนที่เสียหายหรือขายออกต้องเป็นจำนวนลบ",
        "Only {stock} in stock; cannot take out {wanted}": "มีสต็อกเพียง {stock} ชิ้น นำออก {wanted} ชิ้นไม่ได้",
        "Enter the number of pieces counted (0 or more)": "กรุณาใส่จำนวนชิ้นที่นับได้ (0 ขึ้นไป)",
        "A note may have at most {limit} characters": "หมายเหตุยาวได้ไม่เกิน {limit} ตัวอักษร",
    },
    # ---- the shell
    "Navigation": {
        "Journeys": "เคสลูกค้า",
        "Exceptions": "รายการผิดปกติ",
        "Customers": "ลูกค้า",
        "Catalog": "สินค้าและบริการ",
    },
    "MainWindow": {
        "BN-Aura Desk": "BN-Aura Desk",
        "Switch user": "เปลี่ยนผู้ใช้",
        "Switch user (Ctrl+L)": "เปลี่ยนผู้ใช้ (Ctrl+L)",
        "Quit": "ออกจากโปรแกรม",
        "File": "ไฟล์",
        "Language": "ภาษา",
        "Sync now": "ซิงก์เดี๋ยวนี้",
        "Connect to clinic server…": "เชื่อมต่อเซิร์ฟเวอร์คลินิก…",
        "Where staff may sign in…": "สาขาที่พนักงานเข้าสู่ระบบได้…",
    },
    "LoginScreen": {
        "Who is at the counter? Choose your name and type your PIN.":
            "ใครกำลังใช้งานเครื่องนี้ เลือกชื่อของคุณแล้วใส่ PIN",
        "No staff on this terminal yet. The clinic owner adds staff with the bnaura command.":
            "ยังไม่มีพนักงานในเครื่องนี้ เจ้าของคลินิกเพิ่มพนักงานได้ด้วยคำสั่ง bnaura",
        "Choose your name": "เลือกชื่อของคุณ",
        "Choose your name first": "เลือกชื่อของคุณก่อน",
        "PIN for {name}": "PIN ของ {name}",
        "Type your PIN": "ใส่ PIN ของคุณ",
    },
    "StaffTile": {"Locked until {time}": "ล็อกถึง {time} น."},
    "StaffBranchesDialog": {
        "Where staff may sign in": "สาขาที่พนักงานเข้าสู่ระบบได้",
        "Pick a staff member, then tick the branches where they may sign in. "
        "With no branch ticked they may sign in at every branch.":
            "เลือกพนักงาน แล้วเลือกสาขาที่พนักงานคนนั้นเข้าสู่ระบบได้ "
            "หากไม่เลือกสาขาใดเลย จะเข้าสู่ระบบได้ทุกสาขา",
        "Save": "บันทึก",
        "Close": "ปิด",
    },
    "PinField": {"PIN": "PIN"},
    "PinPad": {"Delete": "ลบ", "Enter": "ตกลง"},
    "DeskStatusBar": {
        "Not signed in": "ยังไม่ได้เข้าสู่ระบบ",
        "Signed in: {name} ({role})": "ผู้ใช้: {name} ({role})",
    },
    "SyncIndicator": {
        "{count} need a manager (Exceptions)": "มี {count} รายการรอผู้จัดการตรวจ (หน้ารายการผิดปกติ)",
        "Sync: not set up": "ซิงก์: ยังไม่ได้ตั้งค่า",
        "Sync: offline, {pending} waiting ({last})": "ซิงก์: ออฟไลน์ รอส่ง {pending} รายการ ({last})",
        "Sync: syncing, {pending} waiting": "ซิงก์: กำลังซิงก์ รอส่ง {pending} รายการ",
        "Sync: up to date ({last})": "ซิงก์: ข้อมูลล่าสุดแล้ว ({last})",
        "never synced": "ยังไม่เคยซิงก์",
        "last synced {time}": "ซิงก์ล่าสุด {time} น.",
        "Sync now": "ซิงก์เดี๋ยวนี้",
        "{pending} operations waiting; {last}": "รอส่ง {pending} รายการ; {last}",
        "Sync: problem: {detail}": "ซิงก์: มีปัญหา: {detail}",
        "{offline}; next try at {time}": "{offline} ลองใหม่เวลา {time} น.",
        "Synced with the clinic server": "ซิงก์กับเซิร์ฟเวอร์คลินิกแล้ว",
        "Server unreachable: working offline, will retry at {time}": (
            "ติดต่อเซิร์ฟเวอร์ไม่ได้: ทำงานแบบออฟไลน์ไปก่อน จะลองใหม่เวลา {time} น."
        ),
    },
    "OverrideDialog": {
        "Manager approval": "การอนุมัติของผู้จัดการ",
        "A manager's approval is needed": "ต้องให้ผู้จัดการอนุมัติ",
        "{user} may not {action} alone. A manager chooses their name and types their PIN to approve this once.":
            "{user} ไม่มีสิทธิ์{action}ด้วยตนเอง ให้ผู้จัดการเลือกชื่อของตนและใส่ PIN เพื่ออนุมัติครั้งนี้",
        "Choose the manager who approves": "เลือกผู้จัดการที่จะอนุมัติ",
        "Type the manager's PIN": "ใส่ PIN ของผู้จัดการ",
        "No manager on this terminal may approve this.": "ไม่มีผู้จัดการในเครื่องนี้ที่อนุมัติรายการนี้ได้",
        "Approve": "อนุมัติ",
        "Cancel": "ยกเลิก",
    },
    "SyncDriver": {
        "the clinic server needs a newer version of this app: update this terminal": (
            "เซิร์ฟเวอร์คลินิกต้องการโปรแกรมเวอร์ชันใหม่กว่า: กรุณาอัปเดตเครื่องนี้"
        ),
        "the clinic server no longer accepts this terminal: enroll it again": (
            "เซิร์ฟเวอร์คลินิกไม่รับเครื่องนี้แล้ว: กรุณาลงทะเบียนเครื่องใหม่"
        ),
    },
    "ExceptionsScreen": {
        "{subject}: lost fields {fields}": "{subject}: ฟิลด์ที่แก้ไม่ได้บันทึก {fields}",
        "{subject}: kept {changes}": "{subject}: ใช้ค่า {changes}",
        "{field} {kept} (not {refused})": "{field} {kept} (ไม่ใช่ {refused})",
        "{subject}: clock {sent} kept as {kept}": "{subject}: เวลาเครื่อง {sent} ถูกปรับเป็น {kept}",
        "{subject}: {why}": "{subject}: {why}",
        "{entity} {name}": "{entity} {name}",
        "{entity} of {name}": "{entity}ของ{name}",
        "{name} (deleted)": "{name} (ถูกลบแล้ว)",
        "Terminal …{tag}": "เครื่อง …{tag}",
        "{name} (this terminal)": "{name} (เครื่องนี้)",
        "terminal {device}, operation #{seq}": "เครื่อง {device} รายการที่ #{seq}",
        "{kind}: {subject} ({problem})": "{kind}: {subject} ({problem})",
        "{kind}: {subject}": "{kind}: {subject}",
        "{count} changes from the clinic server are kept on this terminal without being used: "
        "this version of the app cannot store them. First: {first}. Update this terminal; "
        "they are applied after the update.": (
            "มี {count} รายการจากเซิร์ฟเวอร์คลินิกที่เก็บไว้ในเครื่องนี้โดยยังไม่ได้ใช้ "
            "เพราะโปรแกรมเวอร์ชันนี้บันทึกไม่ได้ รายการแรก: {first} กรุณาอัปเดตเครื่องนี้ "
            "รายการเหล่านี้จะถูกนำไปใช้หลังอัปเดต"
        ),
        "Open": "ยังไม่จัดการ",
        "Resolved {time} by {name}: {note}": "จัดการแล้ว {time} น. โดย {name}: {note}",
        "Raised": "เกิดเมื่อ",
        "Kind": "ประเภท",
        "What happened": "เกิดอะไรขึ้น",
        "Terminal": "เครื่อง",
        "Status": "สถานะ",
        "{count} operations of this terminal wait: the server refuses operation #{seq} ({reason}). "
        "Update the server or this terminal; nothing is lost meanwhile.": (
            "มี {count} รายการของเครื่องนี้รอส่ง: เซิร์ฟเวอร์ไม่รับรายการที่ #{seq} ({reason}) "
            "กรุณาอัปเดตเซิร์ฟเวอร์หรือเครื่องนี้ ระหว่างนี้ข้อมูลจะไม่สูญหาย"
        ),
        "Only a manager or the owner can resolve exceptions": "เฉพาะผู้จัดการหรือเจ้าของคลินิกเท่านั้นที่จัดการรายการผิดปกติได้",
        "Resolved": "จัดการแล้ว",
        "All": "ทั้งหมด",
        "Every kind": "ทุกประเภท",
        "Mark resolved…": "บันทึกว่าจัดการแล้ว…",
        "No exceptions here: sync settled everything by itself.": "ไม่มีรายการผิดปกติ: การซิงก์จัดการทุกอย่างเรียบร้อยแล้ว",
    },
    "ResolveDialog": {
        "Mark exception resolved": "บันทึกว่าจัดการรายการผิดปกติแล้ว",
        "What was done about it (kept in the audit log)": "ได้จัดการอย่างไร (เก็บไว้ในบันทึกการตรวจสอบ)",
        "Mark resolved": "บันทึกว่าจัดการแล้ว",
        "Cancel": "ยกเลิก",
    },
    "sync_exceptions": {
        "Edit lost: the record was deleted": "การแก้ไขไม่ถูกบันทึก: ข้อมูลถูกลบไปแล้ว",
        "Terminal clock far ahead": "นาฬิกาเครื่องเดินเร็วเกินไป",
        "Operation rejected by the server": "เซิร์ฟเวอร์ปฏิเสธรายการ",
        "Change to a record the server does not have": "แก้ไขข้อมูลที่เซิร์ฟเวอร์ไม่มีอยู่",
        "Operation number sent twice with different contents": "ส่งรายการเลขเดิมซ้ำแต่เนื้อหาต่างกัน",
        "Single-use item used twice offline": "ของที่ใช้ได้ครั้งเดียวถูกใช้สองครั้งระหว่างออฟไลน์",
        "Balance taken below its limit": "ยอดคงเหลือถูกใช้จนต่ำกว่าขั้นต่ำ",
        "Journey move not allowed at its time": "การย้ายขั้นตอนที่ไม่อนุญาตตามลำดับเวลา",
        "Points for a deleted customer": "แต้มของลูกค้าที่ถูกลบแล้ว",
        "A second referrer for one customer": "ลูกค้ารายเดียวมีผู้แนะนำคนที่สอง",
        "One record made twice with different contents": "รายการเดียวกันถูกบันทึกสองครั้งโดยเนื้อหาต่างกัน",
        "another terminal made the same record offline with different contents; the first to reach the server stands": (
            "เครื่องอื่นบันทึกรายการเดียวกันระหว่างออฟไลน์โดยเนื้อหาต่างกัน ใช้รายการที่ถึงเซิร์ฟเวอร์ก่อน"
        ),
        "another terminal named a different referrer; the first referrer keeps the referral": (
            "อีกเครื่องระบุผู้แนะนำคนอื่น ผู้แนะนำคนแรกยังคงได้สิทธิ์การแนะนำ"
        ),
        "points were recorded on another terminal after the customer was deleted; they stand": (
            "มีการบันทึกแต้มบนอีกเครื่องหลังจากลูกค้าถูกลบ แต้มนั้นยังคงอยู่"
        ),
        "Change of a kind this app version does not know": "ข้อมูลประเภทที่โปรแกรมเวอร์ชันนี้ไม่รู้จัก",
        "Change this app version cannot store": "ข้อมูลที่โปรแกรมเวอร์ชันนี้บันทึกไม่ได้",
        "Change with fields this app version does not know": "ข้อมูลที่มีฟิลด์ที่โปรแกรมเวอร์ชันนี้ไม่รู้จัก",
        "the terminal sent another operation under a number already used; the first one stands": (
            "เครื่องส่งรายการอื่นโดยใช้เลขที่ใช้ไปแล้ว ระบบยึดรายการแรก"
        ),
        "used on two terminals while offline; the first to reach the server keeps it, the other sale stands": (
            "ถูกใช้บนสองเครื่องระหว่างออฟไลน์ รายการที่ถึงเซิร์ฟเวอร์ก่อนได้สิทธิ์ ส่วนการขายอีกรายการยังคงอยู่"
        ),
        "taken below its limit while offline (e.g. points spent twice); both stand": (
            "ถูกใช้จนต่ำกว่าขั้นต่ำระหว่างออฟไลน์ (เช่น ใช้แต้มซ้ำสองครั้ง) ทั้งสองรายการยังคงอยู่"
        ),
        "not allowed at its place in time order; it was not applied": (
            "ไม่อนุญาตเมื่อเรียงตามลำดับเวลา จึงไม่ถูกนำไปใช้"
        ),
        "this version of the app does not know this kind of record; it is kept until the app is updated": (
            "โปรแกรมเวอร์ชันนี้ไม่รู้จักข้อมูลประเภทนี้ ระบบเก็บไว้จนกว่าจะอัปเดตโปรแกรม"
        ),
        "this version of the app cannot store it; it is kept until the app is updated": (
            "โปรแกรมเวอร์ชันนี้บันทึกข้อมูลนี้ไม่ได้ ระบบเก็บไว้จนกว่าจะอัปเดตโปรแกรม"
        ),
    },
    # Why the server rejected an operation, after the record's name.
    "sync_reasons": {
        "its contents could not be read": "อ่านเนื้อหาของรายการไม่ได้",
        "it was incomplete": "ข้อมูลของรายการไม่ครบ",
        "a customer cannot refer themselves": "ลูกค้าแนะนำตัวเองไม่ได้",
        "{field} {problem}": "{field}{problem}",
        "it named the wrong kind of record": "ระบุประเภทข้อมูลผิด",
        "it named a record of another clinic": "อ้างถึงข้อมูลของคลินิกอื่น",
        "the record had been deleted": "ข้อมูลนี้ถูกลบไปแล้ว",
        "the server does not have this record": "เซิร์ฟเวอร์ไม่มีข้อมูลนี้",
        "the server does not know this kind of change yet: update the clinic server": (
            "เซิร์ฟเวอร์ยังไม่รู้จักการเปลี่ยนแปลงประเภทนี้: กรุณาอัปเดตเซิร์ฟเวอร์คลินิก"
        ),
        "is missing": "ไม่มีค่า",
        "is not a field of this record": "ไม่ใช่ฟิลด์ของข้อมูลนี้",
        "may not be changed this way": "แก้ไขด้วยวิธีนี้ไม่ได้",
        "must be text": "ต้องเป็นข้อความ",
        "holds a character that cannot be stored": "มีอักขระที่บันทึกไม่ได้",
        "must be a whole number": "ต้องเป็นจำนวนเต็ม",
        "must be a record id": "ต้องเป็นรหัสข้อมูล",
        "must be a date": "ต้องเป็นวันที่",
        "must be a time of day": "ต้องเป็นเวลา",
        "must be a date and time with its time zone": "ต้องเป็นวันที่และเวลาพร้อมเขตเวลา",
        "must be a list": "ต้องเป็นรายการ",
        "holds data that cannot be stored": "มีข้อมูลที่บันทึกไม่ได้",
    },
    # Synced records and their fields, as the Exceptions screen names them.
    "sync_fields": {
        "Customer": "ลูกค้า",
        "Journey": "เคสลูกค้า",
        "Journey move": "การเลื่อนขั้นเคส",
        "Catalog item": "รายการสินค้าและบริการ",
        "Staff member": "พนักงาน",
        "Clinic profile": "ข้อมูลคลินิก",
        "Branch profile": "ข้อมูลสาขา",
        "Chain profile": "ข้อมูลเครือคลินิก",
        "Consent": "ความยินยอม",
        "Visit": "การมาใช้บริการ",
        "Stock movement": "การปรับสต็อก",
        "Points": "แต้ม",
        "Points expiry": "แต้มหมดอายุ",
        "Tier change": "การเปลี่ยนระดับสมาชิก",
        "Referral": "การแนะนำเพื่อน",
        "Achievement": "ความสำเร็จ",
        "Coupon": "คูปอง",
        "Coupon use": "การใช้คูปอง",
        "Reward": "ของรางวัล",
        "Exception": "รายการผิดปกติ",
        "Thai name": "ชื่อภาษาไทย",
        "English name": "ชื่อภาษาอังกฤษ",
        "nickname": "ชื่อเล่น",
        "phone": "เบอร์โทรศัพท์",
        "email": "อีเมล",
        "LINE ID": "LINE ID",
        "points": "แต้ม",
        "Shift": "กะ",
        "Sale": "การขาย",
        "Sale line": "รายการขาย",
        "Payment": "การชำระเงิน",
        "Refund": "การคืนเงิน",
        "Course sessions": "คอร์ส",
        "reason": "เหตุผล",
        "source": "ที่มา",
        "birthday": "วันเกิด",
        "gender": "เพศ",
        "skin notes": "บันทึกสภาพผิว",
        "contact channels": "ช่องทางติดต่อ",
        "quiet hours start": "เวลาเริ่มงดติดต่อ",
        "quiet hours end": "เวลาสิ้นสุดงดติดต่อ",
        "opted out of messages": "ไม่รับข่าวสาร",
        "price": "ราคา",
        "VAT exempt": "ยกเว้น VAT",
        "active": "สถานะการใช้งาน",
        "duration": "ระยะเวลา",
        "protocol steps": "ขั้นตอนโปรโตคอล",
        "SKU": "รหัสสินค้า (SKU)",
        "barcode": "บาร์โค้ด",
        "package treatment": "ทรีตเมนต์ในแพ็กเกจ",
        "package sessions": "จำนวนครั้งในแพ็กเกจ",
        "name": "ชื่อ",
        "role": "บทบาท",
    },
    "EnrollDialog": {
        "Connect to the clinic server": "เชื่อมต่อเซิร์ฟเวอร์คลินิก",
        "This terminal is new. Type the clinic server's address and the one-time enrollment code "
        "the owner created (bnaura server enroll-code). The clinic's staff, catalog and customers "
        "then arrive by themselves. To start a new clinic without a server instead, run: bnaura init": (
            "เครื่องนี้ยังใหม่ กรอกที่อยู่เซิร์ฟเวอร์คลินิกและรหัสลงทะเบียนแบบใช้ครั้งเดียวที่เจ้าของคลินิกสร้างไว้ "
            "(bnaura server enroll-code) แล้วข้อมูลพนักงาน รายการสินค้าและบริการ และลูกค้าของคลินิกจะมาเอง "
            "หากต้องการเริ่มคลินิกใหม่โดยไม่มีเซิร์ฟเวอร์ ให้ใช้คำสั่ง: bnaura init"
        ),
        "Connect this terminal to the clinic server: type its address and the one-time enrollment "
        "code the owner created. What was done here offline is sent once it is connected.": (
            "เชื่อมต่อเครื่องนี้กับเซิร์ฟเวอร์คลินิก: กรอกที่อยู่เซิร์ฟเวอร์และรหัสลงทะเบียนแบบใช้ครั้งเดียว"
            "ที่เจ้าของคลินิกสร้างไว้ งานที่ทำบนเครื่องนี้ระหว่างออฟไลน์จะถูกส่งเมื่อเชื่อมต่อแล้ว"
        ),
        "Server address": "ที่อยู่เซิร์ฟเวอร์",
        "Enrollment code": "รหัสลงทะเบียน",
        "Terminal name": "ชื่อเครื่อง",
        "Connecting to the server…": "กำลังเชื่อมต่อเซิร์ฟเวอร์…",
        "Connect": "เชื่อมต่อ",
        "Cancel": "ยกเลิก",
    },
    # The loyalty panel (ui/loyalty/): tiers by their Thai names, as clinics say them.
    "tiers": {
        "Bronze": "บรอนซ์",
        "Silver": "ซิลเวอร์",
        "Gold": "โกลด์",
        "Platinum": "แพลทินัม",
        "Diamond": "ไดมอนด์",
    },
    # Why points moved, as the member's history says it.
    "points": {
        "Purchase": "ซื้อบริการ/สินค้า",
        "Welcome": "ต้อนรับสมาชิกใหม่",
        "Check-in": "เช็กอิน",
        "Review": "รีวิว",
        "Referral": "แนะนำเพื่อน",
        "Birthday": "วันเกิด",
        "Achievement": "ความสำเร็จ",
        "Reward": "แลกของรางวัล",
        "Adjustment": "ปรับแต้ม",
        "Expired": "หมดอายุ",
        "{what}: {reason}": "{what}: {reason}",
    },
    "PointsHistoryModel": {
        "Date": "วันที่",
        "What": "รายการ",
        "Points": "แต้ม",
        "Expires on": "หมดอายุ",
    },
    "LoyaltyPanel": {
        "Loyalty": "สะสมแต้ม",
        "History": "ประวัติแต้ม",
        "Referral code": "รหัสแนะนำเพื่อน",
        "Adjust points…": "ปรับแต้ม…",
        "Member card (PDF)…": "บัตรสมาชิก (PDF)…",
        "Save the member card": "บันทึกบัตรสมาชิก",
        "PDF files (*.pdf)": "ไฟล์ PDF (*.pdf)",
        "{points} points": "{points} แต้ม",
        "Highest tier reached": "อยู่ในระดับสูงสุดแล้ว",
        "{points} more points to {tier}": "อีก {points} แต้ม จะได้เป็นระดับ{tier}",
        "Earned since joining: {points} points": "สะสมตั้งแต่เป็นสมาชิก {points} แต้ม",
        "Earned in the last 12 months: {points} points": "สะสมใน 12 เดือนที่ผ่านมา {points} แต้ม",
        "{points} points expire by {date}": "{points} แต้มจะหมดอายุภายใน {date}",
        "No points expire by {date}": "ไม่มีแต้มหมดอายุภายใน {date}",
        "The balance is below zero: rewards can be redeemed once it is positive again": (
            "แต้มคงเหลือติดลบ แลกของรางวัลได้อีกครั้งเมื่อแต้มกลับเป็นบวก"
        ),
        "Member QR: scan it into the customer search to open this member": (
            "QR สมาชิก: สแกนเข้าช่องค้นหาลูกค้าเพื่อเปิดข้อมูลสมาชิกคนนี้"
        ),
        "No points yet": "ยังไม่มีแต้ม",
    },
    "AdjustPointsDialog": {
        "Adjust points": "ปรับแต้ม",
        "Points of {name}": "แต้มของ {name}",
        "Balance now": "แต้มคงเหลือตอนนี้",
        "{points} points": "{points} แต้ม",
        "Adjustment": "การปรับ",
        "Add points": "เพิ่มแต้ม",
        "Take points": "หักแต้ม",
        "Points": "จำนวนแต้ม",
        "Reason": "เหตุผล",
        "Why, e.g. points of a sale missed on 3 Nov": "เหตุผล เช่น แต้มจากการซื้อวันที่ 3 พ.ย. ที่ตกหล่น",
        "Save": "บันทึก",
        "Cancel": "ยกเลิก",
    },
    "MemberCard": {
        "Member code": "รหัสสมาชิก",
        "Show this card at the counter": "แสดงบัตรนี้ที่เคาน์เตอร์",
    },
    "PlaceholderScreen": {
        "The {screen} screen is coming soon.": "หน้าจอ{screen}จะพร้อมใช้งานเร็ว ๆ นี้",
        "The {screen} screen could not open. Please tell the clinic's IT support.":
            "เปิดหน้าจอ{screen}ไม่ได้ กรุณาแจ้งฝ่ายไอทีของคลินิก",
    },
    # Qt's own buttons (QMessageBox, QDialogButtonBox); see ui.i18n.QT_STANDARD_TEXTS.
    "QPlatformTheme": {
        "OK": "ตกลง", "Cancel": "ยกเลิก", "Close": "ปิด", "Yes": "ใช่", "No": "ไม่ใช่",
        "Save": "บันทึก", "Discard": "ไม่บันทึก", "&Yes": "ใช่", "&No": "ไม่ใช่",
    },
    "QGnomeTheme": {"&OK": "ตกลง", "&Cancel": "ยกเลิก", "&Save": "บันทึก", "&Close": "ปิด"},
}


# Coupons and rewards (issue 11), kept apart from THAI so that parallel work merges.
COUPONS_THAI: dict[str, dict[str, str]] = {
    # The language a translation renders dates in (domain.dates.message_language).
    "dates": {"BNAURA_MESSAGE_LANGUAGE_en": "BNAURA_MESSAGE_LANGUAGE_th"},
    "coupons": {
        "{percent} % off": "ลด {percent} %",
        "{amount} off": "ลด {amount}",
        "a free {item}": "{item} ฟรี",
        "Valid: {what}, until {until}, minimum {minimum}": "ใช้ได้: {what} ถึง {until} ขั้นต่ำ {minimum}",
        "Valid: {what}, until {until}": "ใช้ได้: {what} ถึง {until}",
        "Valid: {what}, minimum {minimum}": "ใช้ได้: {what} ขั้นต่ำ {minimum}",
        "Valid: {what}": "ใช้ได้: {what}",
        "Coupon code {code} is mistyped; please check it again": "รหัสคูปอง {code} พิมพ์ผิด กรุณาตรวจสอบอีกครั้ง",
        "There is no coupon {code}": "ไม่มีคูปอง {code}",
        "Coupon {code} was voided: {reason}": "คูปอง {code} ถูกยกเลิกแล้ว: {reason}",
        "Coupon {code} was already used at {terminal} ({branch}) on {at}": (
            "คูปอง {code} ถูกใช้ไปแล้วที่ {terminal} ({branch}) เมื่อ {at}"
        ),
        "Coupon {code} expired on {date}": "คูปอง {code} หมดอายุเมื่อ {date}",
        "Coupon {code} is valid from {date}": "คูปอง {code} เริ่มใช้ได้ {date}",
        "Coupon {code} belongs to another member": "คูปอง {code} เป็นของสมาชิกท่านอื่น",
        "Coupon {code} is for members ({limit} per member): find the member first": (
            "คูปอง {code} สำหรับสมาชิก (ใช้ได้ {limit} ครั้งต่อท่าน) กรุณาค้นหาสมาชิกก่อน"
        ),
        "This member already used coupon {code} {count} times (the limit)": (
            "สมาชิกท่านนี้ใช้คูปอง {code} ครบ {count} ครั้งแล้ว"
        ),
        "Coupon {code} needs a minimum spend of {minimum} (this sale: {subtotal})": (
            "คูปอง {code} ต้องมียอดซื้อขั้นต่ำ {minimum} (รายการนี้ {subtotal})"
        ),
        "Nothing in this sale is one that coupon {code} applies to": "ไม่มีรายการในบิลนี้ที่ใช้คูปอง {code} ได้",
    },
    "errors": {
        "A percent coupon gives 1 to 100 % off": "คูปองแบบเปอร์เซ็นต์ลดได้ 1 ถึง 100 %",
        "Give the amount off in baht, more than 0": "ระบุจำนวนเงินที่ลดเป็นบาท มากกว่า 0",
        "Choose the item the coupon gives free": "เลือกรายการที่คูปองให้ฟรี",
        "The last valid day cannot be before the first": "วันสุดท้ายที่ใช้ได้ต้องไม่ก่อนวันแรก",
        "The minimum spend cannot be negative": "ยอดซื้อขั้นต่ำต้องไม่ติดลบ",
        "A coupon can be used 1 to 1,000,000 times, or without a limit": (
            "คูปองใช้ได้ 1 ถึง 1,000,000 ครั้ง หรือไม่จำกัด"
        ),
        "Give the reward a name": "ตั้งชื่อของรางวัล",
        "A reward costs 1 to 10,000,000 points": "ของรางวัลใช้แต้ม 1 ถึง 10,000,000 แต้ม",
        "A reward's coupon is valid 1 to 3,650 days": "คูปองของรางวัลมีอายุ 1 ถึง 3,650 วัน",
        "This terminal has made all the coupon codes it can": "เครื่องนี้สร้างรหัสคูปองครบจำนวนที่สร้างได้แล้ว",
        "The catalog has no such item": "ไม่มีรายการนี้ในรายการสินค้าและบริการ",
        "At most {limit} characters": "ไม่เกิน {limit} ตัวอักษร",
        "Give the campaign a name": "ตั้งชื่อแคมเปญ",
        "A campaign has 1 to 1,000,000 codes": "แคมเปญหนึ่งมีได้ 1 ถึง 1,000,000 รหัส",
        "There is no such coupon": "ไม่มีคูปองนี้",
        "A sale's lines and total cannot be negative": "รายการและยอดรวมของการขายต้องไม่ติดลบ",
        "Say why the coupon is voided": "ระบุเหตุผลที่ยกเลิกคูปอง",
        "This coupon is already void": "คูปองนี้ถูกยกเลิกไปแล้ว",
        "There is no such reward": "ไม่มีของรางวัลนี้",
        "This reward is not available": "ของรางวัลนี้ไม่พร้อมให้แลก",
        "The balance is {balance} points: redemptions are blocked until the balance is positive again": (
            "แต้มคงเหลือ {balance} แต้ม: งดการแลกของรางวัลจนกว่าแต้มจะกลับมาเป็นบวก"
        ),
        "{text} is not a date (e.g. 2027-01-31 or 31/01/2570)": "{text} ไม่ใช่วันที่ (เช่น 31/01/2570 หรือ 2027-01-31)",
        "The catalog has no item with SKU {sku}": "ไม่มีรายการที่มีรหัสสินค้า {sku}",
        "This reward needs {cost} points; the balance is {balance}": (
            "ของรางวัลนี้ใช้ {cost} แต้ม แต้มคงเหลือ {balance} แต้ม"
        ),
    },
}


# The redemption screen and the loyalty page's rewards (issue 11).
REDEMPTION_THAI: dict[str, dict[str, str]] = {
    "Navigation": {"Rewards & coupons": "แลกรางวัลและคูปอง"},
    "RewardsModel": {
        "Reward": "ของรางวัล",
        "Points": "แต้ม",
        "Gives": "ได้รับ",
        "Can redeem?": "แลกได้ไหม",
        "Not available now": "ยังไม่พร้อมให้แลก",
        "Blocked: the balance is below zero": "งดแลก: แต้มคงเหลือติดลบ",
        "{points} more points needed": "ขาดอีก {points} แต้ม",
        "Yes": "ได้",
        "Its coupon is valid {days} days from the day it is redeemed": "คูปองใช้ได้ {days} วันนับจากวันที่แลก",
    },
    "CouponsModel": {
        "Code": "รหัส",
        "Gives": "ได้รับ",
        "Valid until": "ใช้ได้ถึง",
        "State": "สถานะ",
        "Details": "รายละเอียด",
        "Active": "ใช้ได้",
        "Used": "ใช้แล้ว",
        "Expired": "หมดอายุ",
        "Void": "ยกเลิกแล้ว",
    },
    "RewardRedeemer": {
        "Redeem a reward": "แลกของรางวัล",
        "Redeem “{reward}” for {name}?": "แลก “{reward}” ให้ {name} ใช่ไหม",
        "{cost} points are spent; the balance will be {after} points.": "ใช้ {cost} แต้ม แต้มคงเหลือจะเป็น {after} แต้ม",
        "Redeem": "แลก",
        "Cancel": "ยกเลิก",
    },
    "RewardsView": {
        "The balance is below zero: rewards can be redeemed once it is positive again": (
            "แต้มคงเหลือติดลบ แลกของรางวัลได้อีกครั้งเมื่อแต้มกลับเป็นบวก"
        ),
        "Coupon {code} issued: it is in the member's coupons": "ออกคูปอง {code} แล้ว อยู่ในรายการคูปองของสมาชิก",
        "Redeem…": "แลก…",
        "Redeem the selected reward (Enter in the list)": "แลกของรางวัลที่เลือก (กด Enter ในรายการ)",
    },
    "LoyaltyRewardsSection": {
        "Rewards": "ของรางวัล",
        "Redemption screen…": "หน้าแลกรางวัล…",
        "Open the redemption screen for this member: coupons, code check": (
            "เปิดหน้าแลกรางวัลของสมาชิกท่านนี้: คูปองและการตรวจรหัสคูปอง"
        ),
    },
    "RedemptionScreen": {
        "No member chosen": "ยังไม่ได้เลือกสมาชิก",
        "Find the member: type a name or phone, or scan their member QR (F2)": (
            "ค้นหาสมาชิก: พิมพ์ชื่อหรือเบอร์โทร หรือสแกน QR สมาชิก (F2)"
        ),
        "{points} points": "{points} แต้ม",
        "No coupons yet: a redeemed reward's coupon shows here": "ยังไม่มีคูปอง คูปองจากการแลกของรางวัลจะแสดงที่นี่",
        "Member: name, phone or scan the member QR (F2)": "สมาชิก: ชื่อ เบอร์โทร หรือสแกน QR สมาชิก (F2)",
        "Up/Down choose, Enter goes to the rewards": "ลูกศรขึ้น/ลงเพื่อเลือก กด Enter ไปที่ของรางวัล",
        "Coupon code (F3)": "รหัสคูปอง (F3)",
        "Type or scan a coupon code": "พิมพ์หรือสแกนรหัสคูปอง",
        "Rewards (F4; Enter redeems)": "ของรางวัล (F4, กด Enter เพื่อแลก)",
        "The member's coupons": "คูปองของสมาชิก",
    },
}


# The manager's "Loyalty program" dialog (ui/loyalty_admin/), kept apart so that parallel work merges.
LOYALTY_ADMIN_THAI: dict[str, dict[str, str]] = {
    "MainWindow": {"Loyalty program…": "โปรแกรมสะสมแต้ม…"},
    "LoyaltyProgramDialog": {
        "Loyalty program": "โปรแกรมสะสมแต้ม",
        "The chain's loyalty program, the same at every branch. Changes apply from the next award; "
        "points already earned stay as they are.": (
            "โปรแกรมสะสมแต้มของเครือ ใช้เหมือนกันทุกสาขา การเปลี่ยนแปลงมีผลตั้งแต่การให้แต้มครั้งถัดไป "
            "แต้มที่สมาชิกได้รับไปแล้วยังคงเดิม"
        ),
        "Earning and tiers": "การให้แต้มและระดับสมาชิก",
        "Rewards": "ของรางวัล",
        "Achievements": "ความสำเร็จ",
        "Coupon campaigns": "แคมเปญคูปอง",
        "Close": "ปิด",
    },
    "EarningTab": {
        "Points earned": "การให้แต้ม",
        "Tiers": "ระดับสมาชิก",
        "Members qualify for a tier on": "นับระดับสมาชิกจาก",
        "Purchases: 1 point per": "ซื้อสินค้าและบริการ: 1 แต้มต่อ",
        "Welcome (on registration)": "แต้มต้อนรับ (เมื่อสมัครสมาชิก)",
        "Check-in (once a day)": "เช็กอิน (วันละครั้ง)",
        "Review": "เขียนรีวิว",
        "Referral (to the referrer)": "แนะนำเพื่อน (ให้ผู้แนะนำ)",
        "Birthday (once a year)": "วันเกิด (ปีละครั้ง)",
        " points": " แต้ม",
        "Add tier": "เพิ่มระดับ",
        "Remove tier": "ลบระดับ",
        "Lifetime points (a tier falls only when a refund takes its points back)": (
            "แต้มสะสมทั้งหมด (ระดับลดลงเฉพาะเมื่อคืนเงินแล้วหักแต้มคืน)"
        ),
        "Points of the last 12 months (a tier can fall, at the end of a month)": (
            "แต้มใน 12 เดือนล่าสุด (ระดับลดลงได้ เมื่อสิ้นเดือน)"
        ),
        "Save earning and tiers": "บันทึกการให้แต้มและระดับ",
    },
    "TiersModel": {"Tier": "ระดับ", "From points": "ตั้งแต่ (แต้ม)", "Discount": "ส่วนลด", "Points ×": "แต้ม ×"},
    "rewards": {"Percent off": "ลดเป็นเปอร์เซ็นต์", "Amount off": "ลดเป็นจำนวนเงิน", "A free item": "รับรายการฟรี"},
    "RewardsModel": {
        "{days} days": "{days} วัน",
        "Not offered": "งดแลก",
        "Offered": "แลกได้",
        "Item not in the catalog": "ไม่มีรายการนี้ในระบบ",
        "Reward": "ของรางวัล",
        "Points": "แต้ม",
        "Gives": "ได้รับ",
        "Coupon valid": "คูปองใช้ได้",
        "Minimum spend": "ยอดซื้อขั้นต่ำ",
        "Status": "สถานะ",
    },
    "RewardsTab": {"Add reward…": "เพิ่มของรางวัล…", "Edit…": "แก้ไข…", "Stop offering": "งดแลกของรางวัลนี้"},
    "RewardForm": {
        "Edit reward": "แก้ไขของรางวัล",
        "Add reward": "เพิ่มของรางวัล",
        "Name (Thai)": "ชื่อ (ภาษาไทย)",
        "Name (English)": "ชื่อ (ภาษาอังกฤษ)",
        "Points": "แต้มที่ใช้แลก",
        "Gives": "ได้รับ",
        "Percent off": "ส่วนลด (%)",
        "Amount off (baht)": "ส่วนลด (บาท)",
        "Free item (SKU)": "รายการฟรี (รหัสสินค้า)",
        "Coupon valid (days)": "คูปองใช้ได้ (วัน)",
        "Minimum spend (baht)": "ยอดซื้อขั้นต่ำ (บาท)",
        "Offered to members": "เปิดให้สมาชิกแลก",
        "e.g. BASIC-FACIAL": "เช่น BASIC-FACIAL",
        "Save": "บันทึก",
        "Cancel": "ยกเลิก",
    },
    "AchievementsModel": {
        "{what}: {target} within {days} days": "{what}: {target} ครั้งภายใน {days} วัน",
        "{what}: at least {target}": "{what}: ตั้งแต่ {target}",
        "Category": "หมวด",
        "Achievement": "ความสำเร็จ",
        "Unlocked by": "เงื่อนไข",
        "Target": "เป้าหมาย",
        "Points": "แต้ม",
        "Secret": "ซ่อน",
    },
    "AchievementsTab": {"Add achievement…": "เพิ่มความสำเร็จ…", "Save achievements": "บันทึกความสำเร็จ"},
    "AchievementForm": {
        "Add achievement": "เพิ่มความสำเร็จ",
        "Category": "หมวด",
        "Name (Thai)": "ชื่อ (ภาษาไทย)",
        "Name (English)": "ชื่อ (ภาษาอังกฤษ)",
        "Description (Thai)": "คำอธิบาย (ภาษาไทย)",
        "Description (English)": "คำอธิบาย (ภาษาอังกฤษ)",
        "Unlocked by": "เงื่อนไข",
        "Target": "เป้าหมาย",
        "Within days": "ภายใน (วัน)",
        "Points": "แต้ม",
        "Secret": "ความสำเร็จลับ",
        "Hidden until a member unlocks it": "ซ่อนไว้จนกว่าสมาชิกจะปลดล็อก",
        "Add": "เพิ่ม",
        "Cancel": "ยกเลิก",
    },
    "CampaignTab": {
        "Export the campaign's codes": "ส่งออกรหัสคูปองของแคมเปญ",
        "CSV files (*.csv)": "ไฟล์ CSV (*.csv)",
        "Wrote {count} codes to {path}": "บันทึก {count} รหัสลงไฟล์ {path} แล้ว",
        "Generated {count} codes for “{campaign}”, e.g. {code}": "สร้าง {count} รหัสสำหรับ “{campaign}” แล้ว เช่น {code}",
        "Campaign name": "ชื่อแคมเปญ",
        "Number of codes": "จำนวนรหัส",
        "Amount off (baht)": "ส่วนลด (บาท)",
        "Free item (SKU)": "รายการฟรี (รหัสสินค้า)",
        "Valid from": "ใช้ได้ตั้งแต่",
        "Valid until": "ใช้ได้ถึง",
        "Minimum spend (baht)": "ยอดซื้อขั้นต่ำ (บาท)",
        "Uses per customer": "ใช้ได้ต่อลูกค้า (ครั้ง)",
        "Gives": "ได้รับ",
        "Percent off": "ลดเป็นเปอร์เซ็นต์",
        "Amount off": "ลดเป็นจำนวนเงิน",
        "A free item": "รับรายการฟรี",
        "day/month/year, e.g. 31/01/2570; empty: no limit": "วัน/เดือน/ปี เช่น 31/01/2570 เว้นว่าง: ไม่จำกัด",
        "empty: no minimum": "เว้นว่าง: ไม่มีขั้นต่ำ",
        "no limit": "ไม่จำกัด",
        "e.g. BASIC-FACIAL": "เช่น BASIC-FACIAL",
        "Generate codes": "สร้างรหัสคูปอง",
        "Export CSV…": "ส่งออก CSV…",
    },
}


# domain.pricing: the cart's lines refused, naming the line as the cart numbers it.
PRICING_THAI: dict[str, dict[str, str]] = {
    "errors": {
        "Line {line}: the quantity is 1 to 9,999": "รายการที่ {line}: จำนวนต้องอยู่ระหว่าง 1 ถึง 9,999",
        "Line {line}: a price is ฿0 to ฿10,000,000": "รายการที่ {line}: ราคาต้องอยู่ระหว่าง ฿0 ถึง ฿10,000,000",
        "Line {line}: a discount is 0 to 100 %": "รายการที่ {line}: ส่วนลดต้องอยู่ระหว่าง 0 ถึง 100 %",
        "Line {line}: a discount is ฿0 to the line's {amount}":
            "รายการที่ {line}: ส่วนลดต้องอยู่ระหว่าง ฿0 ถึงยอดของรายการ {amount}",
        "Line {line}: say why it is discounted": "รายการที่ {line}: โปรดระบุเหตุผลของส่วนลด",
        "Line {line}: the reason has at most 200 characters": "รายการที่ {line}: เหตุผลยาวได้ไม่เกิน 200 ตัวอักษร",
    },
}

# The counter (ui/counter): the POS screen, payment and shift dialogs.
COUNTER_THAI: dict[str, dict[str, str]] = {
    "Navigation": {"POS": "ขายหน้าร้าน"},
    "Counter": {
        "Item": "รายการ",
        "Qty": "จำนวน",
        "Unit price": "ราคาต่อหน่วย",
        "Amount": "จำนวนเงิน",
        "Discount": "ส่วนลด",
        "Net": "สุทธิ",
        "SKU / barcode": "รหัสสินค้า / บาร์โค้ด",
        "Price": "ราคา",
        "Cash": "เงินสด",
        "Card": "บัตร",
        "PromptPay": "พร้อมเพย์",
        "Transfer": "โอนเงิน",
        "Discount: {reason}": "ส่วนลด: {reason}",
        "Member discount {tier}": "ส่วนลดสมาชิก {tier}",
        "Coupon {code}": "คูปอง {code}",
        "A manager approves this discount at payment": "ส่วนลดนี้ต้องให้ผู้จัดการอนุมัติตอนชำระเงิน",
    },
    "CounterScreen": {
        "Clear the sale": "ล้างรายการขาย",
        "Take everything out of the cart?": "นำทุกรายการออกจากตะกร้าหรือไม่?",
        "Clear sale": "ล้างรายการขาย",
        "Pay (F12)": "ชำระเงิน (F12)",
        "Customer display": "จอลูกค้า",
        "Show the customer display (Ctrl+Shift+D)": "แสดงจอฝั่งลูกค้า (Ctrl+Shift+D)",
    },
    "Checkout": {
        "The cart is empty: scan or find an item first": "ตะกร้ายังว่าง: สแกนหรือค้นหารายการก่อน",
        "Open a shift before selling": "เปิดกะก่อนขาย",
        "The coupon does not apply: take it off (clear the coupon box) or fix it":
            "คูปองนี้ใช้ไม่ได้: ลบรหัสออกจากช่องคูปองหรือแก้ให้ถูกต้อง",
        "A manager did not approve the discount": "ผู้จัดการไม่ได้อนุมัติส่วนลด",
    },
    "CartLines": {
        "Discount (F9)": "ส่วนลด (F9)",
        "Remove (Del)": "ลบ (Del)",
    },
    "SaleBar": {
        "Sale {number}": "ขาย {number}",
        "Change {amount}": "เงินทอน {amount}",
        "Balance due {amount}": "ค้างชำระ {amount}",
        "Print again (copy)": "พิมพ์ซ้ำ (สำเนา)",
        "Print the last receipt again, marked as a copy (Ctrl+Shift+P)":
            "พิมพ์ใบเสร็จล่าสุดอีกครั้ง โดยพิมพ์คำว่าสำเนากำกับไว้ (Ctrl+Shift+P)",
        "Refund / void…": "คืนเงิน / ยกเลิกบิล…",
        "Refund or void a sale, with its credit note (Ctrl+Shift+R)":
            "คืนเงินหรือยกเลิกบิล พร้อมออกใบลดหนี้ (Ctrl+Shift+R)",
    },
    "SaleReceipts": {
        "The sale is saved, but its receipt was not made: {why}": "บันทึกการขายแล้ว แต่ยังออกใบเสร็จไม่ได้: {why}",
        "The printer is back: the waiting receipts are printed": "เครื่องพิมพ์กลับมาแล้ว: พิมพ์ใบเสร็จที่รอคิวเรียบร้อย",
        "A receipt could not be printed: {why}": "พิมพ์ใบเสร็จไม่ได้: {why}",
        "The sale is saved, but its receipt was not printed: {why}": "บันทึกการขายแล้ว แต่ยังพิมพ์ใบเสร็จไม่ได้: {why}",
    },
    "CustomerDisplay": {
        "Customer display": "จอลูกค้า",
        "Welcome to {clinic}": "ยินดีต้อนรับสู่ {clinic}",
        "Welcome": "ยินดีต้อนรับ",
        "Hello {name} · {tier} member": "สวัสดีคุณ{name} · สมาชิกระดับ{tier}",
        "Total": "ยอดชำระ",
        "This visit earns {points} points": "ครั้งนี้ได้รับ {points} แต้ม",
        "Scan to pay with PromptPay": "สแกนเพื่อชำระผ่านพร้อมเพย์",
        "Thank you, {name}": "ขอบคุณค่ะ คุณ{name}",
        "Thank you": "ขอบคุณค่ะ",
        "You earned {points} points": "ได้รับ {points} แต้ม",
        "Your balance is now {points} points": "แต้มสะสมคงเหลือ {points} แต้ม",
        "Your change: {amount}": "เงินทอน {amount}",
    },
    "CouponBox": {
        "Coupon applied: {amount} off": "ใช้คูปองแล้ว: ลด {amount}",
        "Coupon or reward code (F4)": "รหัสคูปองหรือของรางวัล (F4)",
        "Type or scan the code and Enter": "พิมพ์หรือสแกนรหัสแล้วกด Enter",
    },
    "ItemFinder": {
        "Nothing in the catalog matches {text}": "ไม่พบสินค้าหรือบริการที่ตรงกับ {text}",
        "Scan a barcode, or type a name or SKU and Enter (F2)": "สแกนบาร์โค้ด หรือพิมพ์ชื่อหรือรหัสสินค้าแล้วกด Enter (F2)",
        "3* before a code adds three. Favourites: Ctrl+1 to Ctrl+9. In the cart: + and − change the quantity,"
        " Delete removes, F9 gives a discount.":
            "พิมพ์ 3* หน้ารหัสเพื่อเพิ่ม 3 ชิ้น · รายการโปรด: Ctrl+1 ถึง Ctrl+9 · ในตะกร้า: + และ − เปลี่ยนจำนวน"
            " Delete ลบรายการ F9 ให้ส่วนลด",
    },
    "ShiftBar": {
        "No shift open: open one to sell": "ยังไม่ได้เปิดกะ: เปิดกะก่อนขาย",
        "Shift open since {time} · float {float} · cash expected {cash}":
            "เปิดกะตั้งแต่ {time} · เงินทอนตั้งต้น {float} · เงินสดที่ควรมี {cash}",
        "Finish or clear the sale before closing the shift": "ปิดการขายหรือล้างตะกร้าก่อนปิดกะ",
        "No shift is open on this terminal": "เครื่องนี้ไม่มีกะที่เปิดอยู่",
        "Shift closed: counted {counted}, expected {expected}, difference {difference}":
            "ปิดกะแล้ว: นับได้ {counted} ควรมี {expected} ส่วนต่าง {difference}",
        "Open shift…": "เปิดกะ…",
        "Close shift…": "ปิดกะ…",
        "X report": "รายงาน X",
        "Z report": "รายงาน Z",
        "Report saved: {file}": "บันทึกรายงานแล้ว: {file}",
    },
    "MemberPicker": {
        "Walk-in customer (no member)": "ลูกค้าทั่วไป (ไม่ใช่สมาชิก)",
        "{tier} · {percent} % off · {points} points": "{tier} · ลด {percent} % · {points} แต้ม",
        "Member: phone, name or QR (F3)": "สมาชิก: เบอร์ ชื่อ หรือ QR (F3)",
        "Type a phone number, a name or a member code, or scan the member's QR":
            "พิมพ์เบอร์โทร ชื่อ หรือรหัสสมาชิก หรือสแกน QR ของสมาชิก",
        "No member": "ไม่ระบุสมาชิก",
    },
    "TotalsPanel": {
        "Subtotal": "รวม",
        "Line discounts": "ส่วนลดรายการ",
        "Member discount": "ส่วนลดสมาชิก",
        "Coupon": "คูปอง",
        "Total": "ยอดสุทธิ",
        "VAT 7 % included": "ภาษีมูลค่าเพิ่ม 7 % (รวมในราคา)",
        "VAT-exempt part": "ส่วนที่ได้รับยกเว้นภาษี",
        "Points this sale earns": "แต้มที่ได้รับจากการขายนี้",
    },
    "PaymentDialog": {
        "{method} {amount} (received {received}, change {change})": "{method} {amount} (รับ {received} ทอน {change})",
        "The customer scans the QR with their banking app and pays {amount} to PromptPay {target}. When the payment"
        " shows as received, press Enter.":
            "ให้ลูกค้าสแกน QR ด้วยแอปธนาคารและชำระ {amount} เข้าพร้อมเพย์ {target} เมื่อเห็นว่าได้รับเงินแล้ว กด Enter",
        "The sale is covered: press Enter to confirm": "ชำระครบแล้ว: กด Enter เพื่อยืนยัน",
        "{remaining} still to pay: take the next payment": "ยังต้องชำระอีก {remaining}: รับชำระรายการถัดไป",
        "Payment": "ชำระเงิน",
        "Total due": "ยอดที่ต้องชำระ",
        "Still to pay": "คงเหลือ",
        "Cash received": "รับเงินสด",
        "Exact": "พอดี",
        "Change": "เงินทอน",
        "Amount": "จำนวนเงิน",
        "Approval code": "รหัสอนุมัติ",
        "Card's last 4 digits": "เลขท้ายบัตร 4 หลัก",
        "Transfer reference": "เลขอ้างอิงการโอน",
        "Set the PromptPay id…": "ตั้งหมายเลขพร้อมเพย์…",
        "Deposit (Ctrl+D): the rest is due on": "มัดจำ (Ctrl+D): ชำระส่วนที่เหลือภายในวันที่",
        "Add payment": "เพิ่มการชำระ",
        "Confirm (Enter)": "ยืนยัน (Enter)",
        "Cancel": "ยกเลิก",
    },
    "PromptPayIdDialog": {
        "PromptPay id": "หมายเลขพร้อมเพย์",
        "The PromptPay id the clinic is paid to: a mobile number, a 13-digit national or tax id, or an e-wallet"
        " id. Changing it needs the owner's approval.":
            "หมายเลขพร้อมเพย์ที่คลินิกรับเงิน: เบอร์มือถือ เลขประจำตัวประชาชนหรือเลขผู้เสียภาษี 13 หลัก"
            " หรือเลข e-Wallet การเปลี่ยนต้องให้เจ้าของคลินิกอนุมัติ",
        "e.g. 0105561234567": "เช่น 0105561234567",
        "Save": "บันทึก",
        "Cancel": "ยกเลิก",
        "The change was not approved": "การเปลี่ยนแปลงไม่ได้รับการอนุมัติ",
    },
    "OpenShiftDialog": {
        "Open shift": "เปิดกะ",
        "Cancel": "ยกเลิก",
        "Count the cash you put in the drawer to start with (the float).": "นับเงินสดที่ใส่ลิ้นชักไว้ตั้งต้น (เงินทอนตั้งต้น)",
        "Float (฿)": "เงินทอนตั้งต้น (฿)",
    },
    "CloseShiftDialog": {
        "{amount} (even)": "{amount} (พอดี)",
        "{amount} short": "{amount} ขาด",
        "{amount} over": "{amount} เกิน",
        "Close shift": "ปิดกะ",
        "Cancel": "ยกเลิก",
        "Shift opened {when} with a float of {float}. Count the drawer: how many of each note and coin.":
            "เปิดกะเมื่อ {when} ด้วยเงินทอนตั้งต้น {float} นับเงินในลิ้นชัก: ธนบัตรและเหรียญแต่ละชนิดมีกี่ใบ กี่เหรียญ",
        "Counted": "นับได้",
        "Expected (float + cash taken ± cash in/out)": "ควรมี (เงินทอนตั้งต้น + เงินสดที่รับ ± นำเงินเข้า/ออก)",
        "Difference": "ส่วนต่าง",
        "Note": "หมายเหตุ",
    },
    "LineDiscountDialog": {
        "Say why it is discounted": "โปรดระบุเหตุผลของส่วนลด",
        "Line discount": "ส่วนลดรายการ",
        "Discount on {item} ({amount})": "ส่วนลดของ {item} ({amount})",
        "Percent": "เปอร์เซ็นต์",
        "Amount (฿)": "จำนวนเงิน (฿)",
        "Discount": "ส่วนลด",
        "Reason": "เหตุผล",
        "Apply": "ใช้ส่วนลด",
        "No discount": "ไม่ให้ส่วนลด",
        "Cancel": "ยกเลิก",
    },
    "errors": {
        "{text} is not a percent (e.g. 10 or 12.5)": "{text} ไม่ใช่เปอร์เซ็นต์ (เช่น 10 หรือ 12.5)",
        "A discount is 0 to 100 %": "ส่วนลดต้องอยู่ระหว่าง 0 ถึง 100 %",
        "That is more than the {remaining} still to pay": "มากกว่ายอด {remaining} ที่ยังต้องชำระ",
        "No PromptPay id is set for this branch yet: the owner sets it (Set the PromptPay id…)":
            "สาขานี้ยังไม่ได้ตั้งหมายเลขพร้อมเพย์: ให้เจ้าของคลินิกตั้ง (ตั้งหมายเลขพร้อมเพย์…)",
        "This branch is not known here": "เครื่องนี้ไม่รู้จักสาขานี้",
        "Enter the branch's 13-digit tax id and branch code before printing tax documents":
            "กรอกเลขประจำตัวผู้เสียภาษี 13 หลักและรหัสสาขาก่อนพิมพ์เอกสารภาษี",
        "There is no receipt {number}": "ไม่มีใบเสร็จเลขที่ {number}",
        "This terminal has no receipt yet": "เครื่องนี้ยังไม่มีใบเสร็จ",
        "There is no such sale": "ไม่มีรายการขายนี้",
    },
}

# Refunds and voids (issue 12): their refusals, the points they take back, the server's exception.
REFUNDS_THAI: dict[str, dict[str, str]] = {
    "errors": {
        "Give the reason for the refund": "โปรดระบุเหตุผลของการคืนเงิน",
        "The reason is at most {count} characters": "เหตุผลยาวได้ไม่เกิน {count} ตัวอักษร",
        "Choose the lines to refund": "เลือกรายการที่จะคืนเงิน",
        "This line is not part of the sale": "รายการนี้ไม่ได้อยู่ในการขายนี้",
        "Line {line} is named twice": "รายการที่ {line} ถูกระบุซ้ำ",
        "Line {line}: refund at least one": "รายการที่ {line}: คืนอย่างน้อย 1 หน่วย",
        "Line {line}: only {count} left to refund": "รายการที่ {line}: เหลือให้คืนได้เพียง {count}",
        "Nothing of this sale is left to refund": "การขายนี้ไม่มียอดเหลือให้คืนเงินแล้ว",
        "That is more than was paid: at most {amount} can be refunded":
            "เกินยอดที่ชำระไว้: คืนเงินได้ไม่เกิน {amount}",
        "A sale is refunded only at the branch that sold it": "คืนเงินได้เฉพาะที่สาขาที่ขายรายการนั้น",
        "This sale was voided already": "การขายนี้ถูกยกเลิกไปแล้ว",
        "Choose how the money goes back": "เลือกวิธีคืนเงิน",
        "Open a shift before giving cash back": "กรุณาเปิดกะก่อนคืนเงินสด",
        "A sale is voided only in its own open shift at its terminal; refund it instead":
            "ยกเลิกการขายได้เฉพาะในกะที่ยังเปิดอยู่ของเครื่องที่ขาย กรุณาทำคืนเงินแทน",
        "This sale has refunds already; refund the rest instead": "การขายนี้มีการคืนเงินแล้ว กรุณาคืนเงินส่วนที่เหลือแทน",
        "There is no credit note {number}": "ไม่มีใบลดหนี้เลขที่ {number}",
        "There is no such credit note": "ไม่มีใบลดหนี้นี้",
    },
    "points": {"Refund": "คืนเงิน"},
    "sync_exceptions": {
        "A sale refunded beyond what was paid": "การขายถูกคืนเงินเกินยอดที่ชำระ",
        "A course used beyond its sessions": "คอร์สถูกใช้เกินจำนวนครั้งที่ซื้อ",
        "sessions of the same course were used on two terminals while offline, more than were left; both uses stand": (
            "คอร์สเดียวกันถูกตัดจากสองเครื่องระหว่างออฟไลน์ เกินจำนวนครั้งที่เหลือ การตัดคอร์สทั้งสองครั้งยังคงอยู่"
        ),
        "two terminals refunded the same sale while offline, together more than was paid for it; both refunds stand": (
            "สองเครื่องคืนเงินการขายเดียวกันระหว่างออฟไลน์ รวมแล้วเกินยอดที่ชำระ การคืนเงินทั้งสองรายการยังคงอยู่"
        ),
    },
}

# Packages (courses, issue 12): using a session, its refusals, the course validity setting.
COURSES_THAI: dict[str, dict[str, str]] = {
    "errors": {
        "Choose the customer who buys the package": "เลือกลูกค้าที่ซื้อคอร์สก่อน",
        "No session of this treatment is left": "ไม่มีคอร์สของทรีทเมนต์นี้เหลือแล้ว",
        "Every course of this treatment has expired": "คอร์สของทรีทเมนต์นี้หมดอายุทั้งหมดแล้ว",
        "A course is valid for 0 to 3650 days (0: no expiry)": "อายุคอร์สต้องอยู่ระหว่าง 0 ถึง 3650 วัน (0: ไม่มีวันหมดอายุ)",
        "A refunded sale's coupon is either kept used or restored": "คูปองของการขายที่คืนเงินต้องเป็นแบบคงการใช้ไว้หรือคืนคูปอง",
    },
}

# The counter's rules a manager sets (counter settings dialog) and catalog categories.
COUNTER_RULES_THAI: dict[str, dict[str, str]] = {
    "errors": {
        "The counter rules name the tier discount's item kinds and categories and the line discount limit":
            "กฎหน้าร้านต้องระบุประเภทรายการและหมวดหมู่ที่ได้ส่วนลดสมาชิก และวงเงินส่วนลดต่อรายการ",
        "The tier discount applies to treatments, products or packages":
            "ส่วนลดสมาชิกใช้ได้กับทรีตเมนต์ สินค้า หรือแพ็กเกจเท่านั้น",
        "Choose the categories the tier discount applies to": "เลือกหมวดหมู่ที่ได้ส่วนลดสมาชิก",
        "A category of the tier discount is empty": "หมวดหมู่ที่ได้ส่วนลดสมาชิกต้องไม่ว่าง",
        "A line discount needs a manager above 0 to 100 % (or never)":
            "วงเงินส่วนลดต่อรายการที่ต้องให้ผู้จัดการอนุมัติต้องอยู่ระหว่าง 0 ถึง 100 % (หรือไม่ต้องอนุมัติเลย)",
        "A category may have at most {limit} characters": "หมวดหมู่ยาวได้ไม่เกิน {limit} ตัวอักษร",
    },
    "permissions": {"change the counter's rules": "เปลี่ยนกฎการขายหน้าร้าน"},
    "CounterSettingsButton": {"Counter settings…": "ตั้งค่าหน้าร้าน…"},
    "CounterSettingsDialog": {
        "Counter settings": "ตั้งค่าหน้าร้าน",
        "These rules apply at every branch from the next cart on.": "กฎเหล่านี้ใช้กับทุกสาขา ตั้งแต่ตะกร้าถัดไป",
        "Every category": "ทุกหมวดหมู่",
        "Only the categories ticked below": "เฉพาะหมวดหมู่ที่เลือกด้านล่าง",
        "No catalog item has a category yet: give them one in the Catalog.":
            "ยังไม่มีรายการใดมีหมวดหมู่: กำหนดหมวดหมู่ได้ที่หน้าสินค้าและบริการ",
        "A manager's PIN for a discount above": "ต้องใช้ PIN ผู้จัดการเมื่อให้ส่วนลดเกิน",
        " days": " วัน",
        "No expiry": "ไม่มีวันหมดอายุ",
        "Keep it used": "ถือว่าใช้แล้ว",
        "Give it back as a new coupon": "คืนให้เป็นคูปองใบใหม่",
        "Tier discount on": "ส่วนลดสมาชิกสำหรับ",
        "In categories": "ในหมวดหมู่",
        "Line discount": "ส่วนลดต่อรายการ",
        "Course sessions valid for": "คอร์สใช้ได้นาน",
        "Coupon of a refunded sale": "คูปองของการขายที่คืนเงิน",
        "PromptPay id": "หมายเลขพร้อมเพย์",
        "Not set: the counter cannot show a PromptPay QR": "ยังไม่ได้ตั้ง: หน้าร้านแสดง QR พร้อมเพย์ไม่ได้",
        "Change…": "เปลี่ยน…",
        "Save": "บันทึก",
        "Cancel": "ยกเลิก",
        "The change was not approved": "การเปลี่ยนแปลงไม่ได้รับการอนุมัติ",
    },
}

# Cash in and cash out during a shift (issue 12): the dialog, the shift bar, the refusals.
CASH_MOVEMENTS_THAI: dict[str, dict[str, str]] = {
    "CashMovementDialog": {
        "Cash in / out": "นำเงินสดเข้า / ออก",
        "Cash put into the drawer or taken out of it that is not a sale's, with the reason. "
        "The drawer should hold {cash} now.":
            "เงินสดที่นำเข้าหรือนำออกจากลิ้นชักที่ไม่ใช่เงินจากการขาย พร้อมเหตุผล ตอนนี้ลิ้นชักควรมี {cash}",
        "Cash in (F5)": "นำเงินเข้า (F5)",
        "Cash out (F6)": "นำเงินออก (F6)",
        "Amount (฿)": "จำนวนเงิน (฿)",
        "Reason": "เหตุผล",
        "e.g. change from the bank, drinking water": "เช่น แลกเงินทอนจากธนาคาร ซื้อน้ำดื่ม",
        "Cash expected after": "เงินสดที่ควรมีหลังจากนี้",
        "Cancel": "ยกเลิก",
        "Record": "บันทึก",
        "The cash out was not approved": "การนำเงินออกไม่ได้รับการอนุมัติ",
    },
    "ShiftBar": {
        "Cash in/out…": "นำเงินเข้า/ออก…",
        "Put cash into the drawer or take it out, with the reason (Ctrl+Shift+C)":
            "นำเงินสดเข้าหรือออกจากลิ้นชัก พร้อมเหตุผล (Ctrl+Shift+C)",
        "Cash in {amount}: {reason}": "นำเงินเข้า {amount}: {reason}",
        "Cash out {amount}: {reason}": "นำเงินออก {amount}: {reason}",
    },
    "errors": {
        "Choose cash in or cash out": "เลือกนำเงินเข้าหรือนำเงินออก",
        "The amount is more than ฿0 and at most {most}": "จำนวนเงินต้องมากกว่า ฿0 และไม่เกิน {most}",
        "Say why the cash goes in or out": "โปรดระบุเหตุผลของการนำเงินเข้าหรือออก",
        "The drawer should hold only {cash}: you cannot take out {amount}":
            "ลิ้นชักควรมีเงินสดเพียง {cash}: นำออก {amount} ไม่ได้",
    },
    "permissions": {"take cash out of the drawer": "นำเงินสดออกจากลิ้นชัก"},
    "sync_fields": {"Cash in/out": "นำเงินเข้า/ออก"},
}


# Refunds and voids on the POS screen (issue 12): the refund dialog and its button.
REFUND_SCREEN_THAI: dict[str, dict[str, str]] = {
    "RefundDialog": {
        "Coupon given back: {code}": "คูปองที่คืนให้ลูกค้า: {code}",
        "Sale voided: credit note {number}, {amount} back as paid":
            "ยกเลิกบิลแล้ว: ใบลดหนี้ {number} คืน {amount} ตามวิธีที่ชำระมา",
        "Refunded: credit note {number}, {amount} back ({method})": "คืนเงินแล้ว: ใบลดหนี้ {number} คืน {amount} ({method})",
        "{points} points taken back": "หักแต้มคืน {points} แต้ม",
        "Type or scan the receipt number, then press Enter.": "พิมพ์หรือสแกนเลขที่ใบเสร็จ แล้วกด Enter",
        "Receipt {number}": "ใบเสร็จ {number}",
        "total {total}, paid {paid}": "ยอดรวม {total} ชำระแล้ว {paid}",
        "refunded before {amount}": "คืนไปแล้ว {amount}",
        "Close": "ปิด",
        "Refund (F12)": "คืนเงิน (F12)",
        "Points taken back: {points}": "แต้มที่หักคืน: {points}",
        "A manager did not approve the refund": "ผู้จัดการไม่ได้อนุมัติการคืนเงิน",
        "Credit note saved: {file}": "บันทึกใบลดหนี้แล้ว: {file}",
        "The refund is saved, but its credit note was not made: {why}":
            "บันทึกการคืนเงินแล้ว แต่ยังออกใบลดหนี้ไม่ได้: {why}",
        "Refund or void a sale": "คืนเงินหรือยกเลิกบิล",
        "Choose how many of each line come back, give the reason, and refund. A sale of this shift on this terminal "
        "can be voided whole instead.":
            "เลือกจำนวนที่คืนของแต่ละรายการ ระบุเหตุผล แล้วกดคืนเงิน "
            "บิลของกะนี้ที่ขายจากเครื่องนี้ยกเลิกทั้งบิลแทนได้",
        "Receipt number": "เลขที่ใบเสร็จ",
        "Type or scan the receipt number (Ctrl+F)": "พิมพ์หรือสแกนเลขที่ใบเสร็จ (Ctrl+F)",
        "Whole sale (everything not refunded yet)": "คืนทั้งบิล (ทุกรายการที่ยังไม่ได้คืน)",
        "Reason": "เหตุผล",
        "Why the money goes back (required)": "เหตุผลที่คืนเงิน (ต้องระบุ)",
        "Give back by": "คืนเงินทาง",
        "Gives back": "ยอดที่คืน",
        "Cancel": "ปิด",
        "Void sale (F8)": "ยกเลิกบิล (F8)",
        "Undo the whole sale: everything paid goes back the way it was paid":
            "ยกเลิกทั้งบิล: คืนเงินทั้งหมดตามวิธีที่ชำระมา",
    },
    "RefundLinesModel": {
        "{price} each; the line came to {net}": "หน่วยละ {price} รายการนี้รวม {net}",
        "Item": "รายการ",
        "Sold": "ขาย",
        "Refunded before": "คืนแล้ว",
        "Return": "คืน",
        "Gives back (฿)": "ยอดคืน (฿)",
    },
}


# A deposit's balance paid later (issue 12): the payment, its refusals, the Purchases page and the POS member area.
BALANCES_THAI: dict[str, dict[str, str]] = {
    "errors": {
        "Nothing is left to pay on this sale": "การขายนี้ไม่มียอดค้างชำระแล้ว",
        "Enter the payment of the balance": "กรุณาใส่การชำระยอดค้าง",
        "The payments come to {paid}, more than the {due} still to pay":
            "ยอดชำระรวม {paid} เกินยอดค้างชำระ {due}",
        "Open a shift before taking a payment": "กรุณาเปิดกะก่อนรับชำระเงิน",
        "Receipt {number} was voided or refunded: it takes no more payments":
            "ใบเสร็จ {number} ถูกยกเลิกหรือคืนเงินแล้ว รับชำระเพิ่มไม่ได้",
        "Nothing is left to pay on receipt {number}": "ใบเสร็จ {number} ไม่มียอดค้างชำระแล้ว",
        "Check this terminal's clock and try again": "กรุณาตรวจสอบนาฬิกาของเครื่องนี้แล้วลองอีกครั้ง",
        "Part of this sale was paid in another shift; refund it instead":
            "การขายนี้มีการชำระบางส่วนในกะอื่น กรุณาทำคืนเงินแทน",
        "{balance} is still to pay: take the rest, or tick Pay part of the balance":
            "ยังค้างชำระ {balance}: รับส่วนที่เหลือ หรือเลือก ชำระยอดค้างบางส่วน",
    },
    "sync_exceptions": {
        "A sale paid beyond its total": "การขายถูกชำระเกินยอดรวม",
        "two terminals took the same sale's balance while offline, together more than its total; both payments stand": (
            "สองเครื่องรับชำระยอดค้างของการขายเดียวกันระหว่างออฟไลน์ รวมแล้วเกินยอดรวม การชำระทั้งสองรายการยังคงอยู่"
        ),
    },
    "PaymentDialog": {
        "Pay the balance": "ชำระยอดค้าง",
        "Balance outstanding": "ยอดค้างชำระ",
        "Pay part of the balance (Ctrl+D)": "ชำระยอดค้างบางส่วน (Ctrl+D)",
    },
    "PurchasesModel": {
        "{amount} overdue since {date}": "{amount} เลยกำหนดตั้งแต่ {date}",
    },
    "PurchasesPanel": {
        "Pay balance… (F12)": "ชำระยอดค้าง… (F12)",
    },
    "MemberPicker": {
        "Pay balance {amount} (overdue since {date})…": "ชำระยอดค้าง {amount} (เลยกำหนดตั้งแต่ {date})…",
        "Pay balance {amount} (due {date})…": "ชำระยอดค้าง {amount} (ครบกำหนด {date})…",
    },
    # The course screens (ui/courses, the counter's F7, the customer's "Courses" page).
    "Courses": {
        "Can be used": "ใช้ได้",
        "Expired": "หมดอายุ",
        "Used up": "ใช้ครบแล้ว",
        "After the older course": "รอคอร์สเก่าก่อน",
        "This course expired on {date}: its sessions cannot be used": "คอร์สนี้หมดอายุเมื่อ {date} ใช้ครั้งที่เหลือไม่ได้",
        "No session of this course is left": "คอร์สนี้ไม่มีครั้งเหลือแล้ว",
        "An older course of the same treatment is used first: choose that one":
            "ต้องตัดคอร์สเก่าของทรีทเมนต์เดียวกันก่อน กรุณาเลือกคอร์สนั้น",
        "Bought": "ซื้อคอร์ส",
        "Session used": "ตัดคอร์ส",
        "Taken back by a refund": "คืนเงิน (หักครั้งที่เหลือ)",
        "{left} of {total}": "{left} จาก {total}",
        "No expiry": "ไม่มีวันหมดอายุ",
        "Not known here": "ไม่ทราบสาขา",
        "Session used: “{course}”, {left} left": "ตัดคอร์ส “{course}” แล้ว เหลือ {left} ครั้ง",
    },
    "CoursesModel": {
        "Course": "คอร์ส",
        "Treatment": "ทรีทเมนต์",
        "Left": "คงเหลือ",
        "Expires": "หมดอายุ",
        "Bought": "ซื้อเมื่อ / ที่",
        "State": "สถานะ",
    },
    "CourseHistoryModel": {
        "When": "เมื่อ",
        "What": "รายการ",
        "Sessions": "ครั้ง",
        "Branch": "สาขา",
        "Performed by": "ผู้ทำ",
        "Recorded by {name}": "บันทึกโดย {name}",
        "Note": "หมายเหตุ",
    },
    "CoursesSection": {
        "History of “{course}”": "ประวัติของ “{course}”",
        "History": "ประวัติ",
        "Courses": "คอร์ส",
        "No courses: a package sold to the member shows here": "ยังไม่มีคอร์ส: คอร์สที่สมาชิกซื้อจะแสดงที่นี่",
        "Use a session (Enter)": "ตัดคอร์ส (Enter)",
        "Use one session of the selected course": "ตัดคอร์สที่เลือก 1 ครั้ง",
    },
    "CoursesPage": {"Courses": "คอร์ส"},
    "UseSessionDialog": {
        "Choose who performed the session": "เลือกผู้ทำทรีทเมนต์ครั้งนี้",
        "Use a course session": "ตัดคอร์ส",
        "Use one session of “{course}” ({treatment}) for {name}?": "ตัดคอร์ส “{course}” ({treatment}) ของ {name} 1 ครั้ง?",
        "{left} of {total} sessions left; after this one: {after}": "เหลือ {left} จาก {total} ครั้ง หลังตัดครั้งนี้: {after}",
        "Performed by": "ผู้ทำ",
        "Choose who performed it": "เลือกผู้ทำ",
        "Note": "หมายเหตุ",
        "Optional, e.g. the area treated": "ไม่บังคับ เช่น บริเวณที่ทำ",
        "Use the session": "ตัดคอร์ส",
        "Cancel": "ยกเลิก",
    },
    "CourseUseDialog": {
        "Use a course session": "ตัดคอร์ส",
        "Close (Esc)": "ปิด (Esc)",
    },
    "CourseUse": {
        "Attach the member first (F3): a course session is used from their courses":
            "กรุณาเลือกสมาชิกก่อน (F3) จึงจะตัดคอร์สของสมาชิกได้",
        "{news}; one taken off the cart": "{news} และนำออกจากตะกร้า 1 รายการ",
        "Use course session… ({key})": "ตัดคอร์ส… ({key})",
        "Use a session of the member's course instead of selling the treatment":
            "ตัดคอร์สของสมาชิกแทนการขายทรีทเมนต์",
    },
}


# Full tax invoices on request (issue 12): the buyer's checks, the refusals, the server's exception, the POS dialog.
TAX_INVOICES_THAI: dict[str, dict[str, str]] = {
    "errors": {
        "Tax id {tin} is not valid (its check digit is wrong); check it with the buyer":
            "เลขประจำตัวผู้เสียภาษี {tin} ไม่ถูกต้อง (เลขตรวจสอบหลักสุดท้ายไม่ตรง) กรุณาตรวจสอบกับผู้ซื้อ",
        "The buyer's branch is สำนักงานใหญ่ (head office) or a branch number of up to five digits":
            "สาขาของผู้ซื้อต้องเป็น สำนักงานใหญ่ หรือเลขที่สาขาไม่เกินห้าหลัก",
        "Enter the buyer's name": "กรอกชื่อผู้ซื้อ",
        "The buyer's name is longer than {limit} characters": "ชื่อผู้ซื้อยาวเกิน {limit} ตัวอักษร",
        "Enter the buyer's address": "กรอกที่อยู่ของผู้ซื้อ",
        "The buyer's address is longer than {limit} characters": "ที่อยู่ของผู้ซื้อยาวเกิน {limit} ตัวอักษร",
        "There is no full tax invoice {number}": "ไม่มีใบกำกับภาษีเต็มรูปเลขที่ {number}",
        "There is no such full tax invoice": "ไม่มีใบกำกับภาษีเต็มรูปนี้",
        "A full tax invoice is issued only at the branch that issued the receipt":
            "ออกใบกำกับภาษีเต็มรูปได้เฉพาะที่สาขาที่ออกใบเสร็จนั้น",
        "Receipt {number} was voided (credit note {credit_note})":
            "ใบเสร็จ {number} ถูกยกเลิกแล้ว (ใบลดหนี้ {credit_note})",
        "Receipt {number} was already replaced by full tax invoice {invoice}; print a copy of it":
            "ใบเสร็จ {number} ออกใบกำกับภาษีเต็มรูปแทนแล้ว เลขที่ {invoice} กรุณาพิมพ์สำเนาของใบนั้น",
        "Receipt {number} has no full tax invoice": "ใบเสร็จ {number} ยังไม่ได้ออกใบกำกับภาษีเต็มรูป",
    },
    "sync_exceptions": {
        "Two full tax invoices for one receipt": "ใบกำกับภาษีเต็มรูปสองใบสำหรับใบเสร็จเดียวกัน",
        "two terminals issued a full tax invoice for the same receipt while offline; both stand: cancel one with the buyer": (
            "สองเครื่องออกใบกำกับภาษีเต็มรูปสำหรับใบเสร็จเดียวกันระหว่างออฟไลน์ ทั้งสองใบยังคงอยู่ "
            "กรุณายกเลิกหนึ่งใบร่วมกับผู้ซื้อ"
        ),
    },
    "sync_fields": {"Full tax invoice": "ใบกำกับภาษีเต็มรูป"},
    "FullInvoiceDialog": {
        "Enter the receipt's number (on the receipt, under the date)": "กรอกเลขที่ใบเสร็จ (อยู่ใต้วันที่บนใบเสร็จ)",
        "Full tax invoice": "ใบกำกับภาษีเต็มรูป",
        "Receipt number": "เลขที่ใบเสร็จ",
        "Buyer's name": "ชื่อผู้ซื้อ",
        "Tax id (13 digits)": "เลขประจำตัวผู้เสียภาษี (13 หลัก)",
        "Address": "ที่อยู่",
        "Establishment": "สำนักงานใหญ่/สาขา",
        "e.g. R00000-K7QM-000123": "เช่น R00000-K7QM-000123",
        "a person or a company, as on their documents": "บุคคลหรือบริษัท ตามเอกสารของผู้ซื้อ",
        "สำนักงานใหญ่ or a branch number such as 00001; empty for a person":
            "สำนักงานใหญ่ หรือเลขที่สาขา เช่น 00001 เว้นว่างสำหรับบุคคลธรรมดา",
        "Issue and open the PDF": "ออกใบกำกับภาษีและเปิด PDF",
        "Print a copy (F8)": "พิมพ์สำเนา (F8)",
        "A copy, marked สำเนา / COPY, of the invoice that replaced this receipt":
            "สำเนา (ประทับ สำเนา / COPY) ของใบกำกับภาษีเต็มรูปที่ออกแทนใบเสร็จนี้",
        "Cancel": "ยกเลิก",
    },
    "FullInvoiceButton": {
        "Full tax invoice…": "ใบกำกับภาษีเต็มรูป…",
        "Issue a full tax invoice in the buyer's name, replacing a receipt ({key})":
            "ออกใบกำกับภาษีเต็มรูปในชื่อผู้ซื้อ แทนใบเสร็จ ({key})",
    },
}

SCANS_THAI: dict[str, dict[str, str]] = {
    "scans": {
        "Moisture": "ความชุ่มชื้น",
        "Oiliness": "ความมัน",
        "Pigmentation": "เม็ดสี",
        "Wrinkles": "ริ้วรอย",
        "Pores": "รูขุมขน",
        "Redness": "ความแดง",
        "Acne": "สิว",
        "Skin age": "อายุผิว",
    },
    "errors": {
        "A skin scan does not measure {measure}": "การสแกนผิวไม่มีค่าวัด {measure}",
        "A scan value is a whole number from 0 to 100 ({measure})":
            "ค่าจากการสแกนต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง 100 ({measure})",
        "Enter at least one measured value of the scan": "กรอกค่าที่วัดได้จากการสแกนอย่างน้อยหนึ่งค่า",
        "Scan notes are text of at most {most} characters": "บันทึกการสแกนยาวได้ไม่เกิน {most} ตัวอักษร",
        "A scan keeps at most {most} images": "การสแกนหนึ่งครั้งเก็บรูปภาพได้ไม่เกิน {most} รูป",
        "This customer has not consented to skin scans and photos (sensitive data); nothing was recorded":
            "ลูกค้ารายนี้ยังไม่ได้ให้ความยินยอมในการสแกนผิวและถ่ายภาพ (ข้อมูลอ่อนไหว) จึงไม่ได้บันทึกข้อมูลใด ๆ",
        "The image {name} is larger than {most} MB": "รูปภาพ {name} มีขนาดเกิน {most} MB",
        "The file {name} is not an image": "ไฟล์ {name} ไม่ใช่รูปภาพ",
        "The file {name} cannot be read": "ไม่สามารถอ่านไฟล์ {name} ได้",
        "The image {name} arrived damaged (its content does not match)":
            "รูปภาพ {name} ที่ได้รับเสียหาย (เนื้อหาไม่ตรงกับชื่อรูป)",
        "Fetching images ahead of time is either on or off": "การดึงรูปภาพล่วงหน้าต้องเป็นเปิดหรือปิดเท่านั้น",
    },
}

# Appointments, rooms and opening hours (issue 13).
APPOINTMENTS_THAI: dict[str, dict[str, str]] = {
    "Journeys": {
        "{minutes} min": "{minutes} นาที",
        "{hours} h": "{hours} ชม.",
        "{days} d {hours} h": "{days} วัน {hours} ชม.",
        "{customer} · {tier}": "{customer} · {tier}",
        "No owner": "ไม่มีผู้ดูแล",
        "Overdue": "เกินเวลา",
        "Reason": "เหตุผล",
        "Why does {customer}'s journey move to {stage}?": "ทำไมเคสของ{customer}จึงย้ายไปที่ {stage}",
        "{stage} ({count})": "{stage} ({count})",
        "{count} overdue": "เกินเวลา {count}",
        "Every owner": "ผู้ดูแลทุกคน",
        "Every beautician": "ช่างเสริมสวยทุกคน",
        "Any day": "ทุกวัน",
        "Customer name or phone": "ชื่อหรือเบอร์โทรลูกค้า",
        "Close": "ปิด",
        "Owner": "ผู้ดูแล",
        "Beautician": "ช่างเสริมสวย",
        "Opened since": "เปิดเคสตั้งแต่",
        "Drag a card to another stage, or Ctrl+→ / Ctrl+← to move the selected card; Enter opens its history.": (
            "ลากการ์ดไปยังขั้นอื่น หรือกด Ctrl+→ / Ctrl+← เพื่อเลื่อนการ์ดที่เลือก กด Enter เพื่อดูประวัติ"
        ),
        "History of {customer}'s journey": "ประวัติเคสของ{customer}",
        "Opened; not moved yet.": "เปิดเคสแล้ว ยังไม่ได้เลื่อนขั้น",
        "{when}: {from_stage} → {to_stage}, by {who}": "{when}: {from_stage} → {to_stage} โดย {who}",
        "Approved by {manager}": "อนุมัติโดย {manager}",
        "Reason: {note}": "เหตุผล: {note}",
        "Not counted: another terminal moved this journey first": "ไม่นับ: เครื่องอื่นเลื่อนเคสนี้ไปก่อนแล้ว",
        "Select a card first.": "กรุณาเลือกการ์ดก่อน",
        "{customer}: moved to {stage}.": "{customer}: เลื่อนไปที่ {stage} แล้ว",
        "New journey…": "เปิดเคสใหม่…",
        "New journey": "เปิดเคสใหม่",
        "Not decided yet": "ยังไม่ได้เลือก",
        "e.g. melasma on both cheeks": "เช่น ฝ้าแก้มสองข้าง",
        "Open journey": "เปิดเคส",
        "Cancel": "ยกเลิก",
        "Customer": "ลูกค้า",
        "Interested in": "สนใจ",
        "Title": "หัวข้อ",
        "Note": "หมายเหตุ",
        "Find and choose the customer first.": "ค้นหาและเลือกลูกค้าก่อน",
        "Journey opened.": "เปิดเคสแล้ว",
    },
    "DayView": {
        "{start}–{end} {customer} · {treatment} · {other}": "{start}–{end} {customer} · {treatment} · {other}",
        "{appointment} (no-show)": "{appointment} (ไม่มาตามนัด)",
        "By beautician": "ตามช่างเสริมสวย",
        "By room": "ตามห้อง",
        "Next free slot": "หาช่วงว่างถัดไป",
        "Any beautician": "ช่างคนใดก็ได้",
        "The branch is closed on this day.": "สาขาปิดทำการในวันนี้",
        "{treatment} ({minutes} min)": "{treatment} ({minutes} นาที)",
        "Choose a treatment with a duration first.": "กรุณาเลือกทรีตเมนต์ที่กำหนดระยะเวลาไว้ก่อน",
        "No free slot in the next 60 days.": "ไม่มีช่วงว่างภายใน 60 วันข้างหน้า",
        "Next free slot: {when}, {beautician}, {room}": "ช่วงว่างถัดไป: {when} {beautician} {room}",
        "Moving {customer}: double-click a free slot": "กำลังย้ายนัดของ {customer}: ดับเบิลคลิกช่วงที่ว่าง",
        "Appointment moved.": "ย้ายนัดแล้ว",
        "Book…": "จองนัด…",
        "Cancel appointment": "ยกเลิกนัด",
        "No-show": "ไม่มาตามนัด",
        "Appointment booked.": "จองนัดแล้ว",
        "Cancelled late: recorded as a late cancellation.": "ยกเลิกกระชั้นชิด บันทึกเป็นการยกเลิกล่าช้า",
        "Appointment cancelled.": "ยกเลิกนัดแล้ว",
        "Recorded as a no-show.": "บันทึกว่าไม่มาตามนัดแล้ว",
        "Rooms and hours…": "ห้องและเวลาทำการ…",
    },
    "BookDialog": {
        "Book an appointment": "จองนัดหมาย",
        "Name or phone": "ชื่อหรือเบอร์โทร",
        "{treatment} ({minutes} min)": "{treatment} ({minutes} นาที)",
        "Book": "จอง",
        "Cancel": "ยกเลิก",
        "Starts": "เริ่ม",
        "Customer": "ลูกค้า",
        "Treatment": "ทรีตเมนต์",
        "Beautician": "ช่างเสริมสวย",
        "Room": "ห้อง",
        "Note": "หมายเหตุ",
        "Find and choose the customer first.": "กรุณาค้นหาและเลือกลูกค้าก่อน",
    },
    "ExceptionsScreen": {
        "{customer} {start}–{end}": "{customer} {start}–{end}",
        "{subject}: booked twice offline, both stand ({appointments}); move one of them":
            "{subject}: ถูกจองซ้อนระหว่างออฟไลน์ ทั้งสองนัดยังคงอยู่ ({appointments}) กรุณาย้ายนัดใดนัดหนึ่ง",
    },
    "errors": {
        "A cancellation is late 0 to 168 hours before the appointment":
            "การยกเลิกล่าช้ากำหนดได้ 0 ถึง 168 ชั่วโมงก่อนเวลานัด",
        "Opening hours are an opening and a closing time (HH:MM) per weekday, the closing after the opening":
            "เวลาทำการคือเวลาเปิดและเวลาปิด (ชช:นน) ของแต่ละวัน โดยเวลาปิดต้องหลังเวลาเปิด",
        "An appointment cannot start in the past": "ไม่สามารถนัดเวลาที่ผ่านมาแล้วได้",
        "The treatment has no duration to book": "ทรีตเมนต์นี้ไม่มีระยะเวลาให้จอง",
        "The branch is closed on {day}": "สาขาปิดทำการวันที่ {day}",
        "The branch is open from {opens} to {closes} that day; the appointment must fit within":
            "วันนั้นสาขาเปิด {opens} ถึง {closes} น. นัดต้องอยู่ภายในเวลาทำการ",
        "This treatment is not in the catalog": "ไม่มีทรีตเมนต์นี้ในรายการสินค้าและบริการ",
        "{item} has no duration to book; set it in the catalog first":
            "{item} ยังไม่ได้กำหนดระยะเวลา กรุณากำหนดในรายการสินค้าและบริการก่อน",
        "Choose a beautician of this branch": "กรุณาเลือกช่างเสริมสวยของสาขานี้",
        "Choose a room of this branch that is in use": "กรุณาเลือกห้องของสาขานี้ที่เปิดใช้งานอยู่",
        "{beautician} is already booked for {customer} from {start} to {end}":
            "{beautician} มีนัดกับ {customer} แล้ว ตั้งแต่ {start} ถึง {end} น.",
        "{room} is already booked for {customer} from {start} to {end}":
            "{room} มีนัดของ {customer} แล้ว ตั้งแต่ {start} ถึง {end} น.",
        "This customer does not exist or was deleted": "ไม่พบลูกค้ารายนี้ หรือถูกลบไปแล้ว",
        "This appointment is not one of this branch's": "นัดนี้ไม่ใช่นัดของสาขานี้",
        "This appointment is no longer open": "นัดนี้ปิดไปแล้ว (ยกเลิก ไม่มาตามนัด หรือเสร็จแล้ว)",
        "A no-show can be recorded only once the appointment has started":
            "บันทึกว่าไม่มาตามนัดได้เมื่อถึงเวลานัดแล้วเท่านั้น",
        "Enter the room's name": "กรุณากรอกชื่อห้อง",
        "This branch already has a room called {name}": "สาขานี้มีห้องชื่อ {name} อยู่แล้ว",
        "This room is not one of this branch's": "ห้องนี้ไม่ใช่ห้องของสาขานี้",
    },
    "permissions": {
        "book appointments": "จองนัดหมาย",
        "set the branch's rooms and opening hours": "กำหนดห้องและเวลาทำการของสาขา",
    },
    "sync_exceptions": {
        "A beautician or room booked twice": "ช่างเสริมสวยหรือห้องถูกจองซ้อน",
        "two terminals booked the same beautician or room for overlapping times while offline; both bookings stand:"
        " move one of them": (
            "สองเครื่องจองช่างเสริมสวยหรือห้องเดียวกันในเวลาที่ทับกันระหว่างออฟไลน์ ทั้งสองนัดยังคงอยู่ "
            "กรุณาย้ายนัดใดนัดหนึ่ง"
        ),
    },
    "sync_fields": {"Room": "ห้อง", "Appointment": "นัดหมาย"},
    "Navigation": {"Appointments": "นัดหมาย"},
    "ScheduleDialog": {
        "Monday": "วันจันทร์", "Tuesday": "วันอังคาร", "Wednesday": "วันพุธ", "Thursday": "วันพฤหัสบดี",
        "Friday": "วันศุกร์", "Saturday": "วันเสาร์", "Sunday": "วันอาทิตย์",
        "Rooms and opening hours": "ห้องและเวลาทำการ",
        "New room's name": "ชื่อห้องใหม่",
        "Add room": "เพิ่มห้อง",
        "In use / out of use": "เปิดใช้ / ปิดใช้ห้อง",
        "Save opening hours": "บันทึกเวลาทำการ",
        "Close": "ปิด",
        "Rooms": "ห้อง",
        "Opening hours": "เวลาทำการ",
        "{room} (out of use)": "{room} (ปิดใช้)",
        "Room added.": "เพิ่มห้องแล้ว",
        "Room saved.": "บันทึกห้องแล้ว",
        "Opening hours saved.": "บันทึกเวลาทำการแล้ว",
    },
}


# Automation rules and the task queue (issue 13), kept apart so that parallel work merges.
TASKS_THAI: dict[str, dict[str, str]] = {
    "tasks": {
        "Urgent": "ด่วนที่สุด", "High": "ด่วน", "Normal": "ปกติ", "Low": "ไม่เร่งด่วน",
        "Open": "รอรับงาน", "Claimed": "รับงานแล้ว", "Started": "กำลังทำ", "Done": "เสร็จแล้ว",
        "Cancelled": "ยกเลิกแล้ว",
    },
    "errors": {
        "A task title may name only the customer and the treatment, as customer or treatment in braces":
            "ชื่องานใส่ได้เฉพาะชื่อลูกค้าและทรีตเมนต์ โดยเขียน customer หรือ treatment ในวงเล็บปีกกา",
        "An automation rule must be a set of fields": "กฎอัตโนมัติต้องระบุเป็นชุดข้อมูล",
        "An automation rule needs a short name (at most {max} characters)":
            "กฎอัตโนมัติต้องมีชื่อสั้น ๆ (ไม่เกิน {max} ตัวอักษร)",
        "Choose the stage, who does the task and the role": "กรุณาเลือกขั้นตอน ผู้รับงาน และตำแหน่ง",
        "A task title is needed in Thai": "กรุณากรอกชื่องานภาษาไทย",
        "The priority is 1 (urgent) to 4 (low)": "ความสำคัญมีตั้งแต่ 1 (ด่วนที่สุด) ถึง 4 (ไม่เร่งด่วน)",
        "A task is due 0 to 90 days after the stage is entered":
            "กำหนดเสร็จของงานต้องอยู่ภายใน 0 ถึง 90 วันหลังเข้าขั้นตอน",
        "Choose the staff member the task is for": "กรุณาเลือกพนักงานที่รับงานนี้",
        "The automation rules must be a list of at most {max} rules": "กฎอัตโนมัติต้องเป็นรายการไม่เกิน {max} กฎ",
        "Two automation rules have the same name": "มีกฎอัตโนมัติสองกฎที่ชื่อซ้ำกัน",
        "The automation rules take too much room: shorten or remove some":
            "กฎอัตโนมัติยาวเกินไป กรุณาย่อหรือลบบางกฎ",
        "There is no such task": "ไม่พบงานนี้",
        "This task is already done or cancelled": "งานนี้เสร็จหรือถูกยกเลิกไปแล้ว",
        "{name} started this task; only they can go on with it": "{name} เริ่มทำงานนี้แล้ว เฉพาะผู้นั้นทำต่อได้",
        "{name} has claimed this task": "{name} รับงานนี้ไปแล้ว",
        "This task is {name}'s; a manager may reassign it": "งานนี้เป็นของ {name} ผู้จัดการเปลี่ยนผู้รับงานได้",
        "This task is for another role": "งานนี้เป็นของตำแหน่งอื่น",
        "This task is already started": "งานนี้เริ่มทำแล้ว",
        "Claim this task first": "กรุณารับงานนี้ก่อน",
        "There is no such step": "ไม่พบขั้นตอนนี้",
        "Start the treatment before completing it": "กรุณาเริ่มทรีตเมนต์ก่อนบันทึกว่าเสร็จ",
    },
    "sync_exceptions": {
        "A task claimed by two people": "งานเดียวถูกรับโดยสองคน",
        "two people claimed the same task on two terminals while offline; the later claim holds it: reassign it"
        " if needed and tell the other": (
            "สองคนรับงานเดียวกันจากสองเครื่องระหว่างออฟไลน์ ผู้ที่รับทีหลังได้งานไป "
            "หากจำเป็นให้เปลี่ยนผู้รับงานและแจ้งอีกคน"
        ),
    },
    "sync_fields": {"Task": "งาน"},
}

# The task queue screen of the shared PC and its before/after photos (issue 13).
TASK_QUEUE_THAI: dict[str, dict[str, str]] = {
    "Navigation": {"Task queue": "คิวงาน"},
    "tasks": {"Before": "ก่อนทำ", "After": "หลังทำ"},
    "TaskQueue": {
        "Task queue": "คิวงาน",
        "Switch user": "เปลี่ยนผู้ใช้",  # as the main window's toolbar says it
        "Every task of the branch": "งานทั้งหมดของสาขา",
        "Sign in as someone else with their PIN": "เข้าสู่ระบบเป็นคนอื่นด้วยรหัส PIN ของผู้นั้น",
        "{name} ({role})": "{name} ({role})",
        "{count} tasks": "{count} งาน",
        "{count} overdue": "เกินกำหนด {count}",
        "No tasks waiting for you.": "ไม่มีงานรอคุณอยู่",
        "{customer} · {tier}": "{customer} · {tier}",
        "Due {when}": "กำหนดเสร็จ {when}",
        "Started by {name}": "{name} กำลังทำ",
        "Claimed by {name}": "{name} รับงานแล้ว",
        "{done}/{total} steps": "{done}/{total} ขั้นตอน",
        "Overdue": "เกินกำหนด",
        "Journey: {stage}": "เคส: {stage}",
        "{measure}: {value}": "{measure}: {value}",
        "Scanned {date}": "สแกนเมื่อ {date}",
        "No skin scan yet.": "ยังไม่มีผลสแกนผิว",
        "No checklist for this task.": "งานนี้ไม่มีรายการตรวจสอบ",
        "{kind} (not on this PC yet)": "{kind} (ยังไม่มีในเครื่องนี้)",
        "Latest skin scan": "ผลสแกนผิวล่าสุด",
        "Protocol checklist": "ขั้นตอนการทำทรีตเมนต์",
        "Treatment notes": "บันทึกการทำทรีตเมนต์",
        "Save notes": "บันทึก",
        "Before/after photos": "รูปก่อน/หลังทำ",
        "Add before photo…": "เพิ่มรูปก่อนทำ…",
        "Add after photo…": "เพิ่มรูปหลังทำ…",
        "No consent to photos (sensitive data): ask the customer to sign the consent first.":
            "ลูกค้ายังไม่ยินยอมให้ถ่ายภาพ (ข้อมูลอ่อนไหว) กรุณาให้ลูกค้าลงนามยินยอมก่อน",
        "Claim": "รับงาน",
        "Start": "เริ่มทำ",
        "Complete": "เสร็จแล้ว",
        "Reassign…": "เปลี่ยนผู้รับงาน…",
        "Consent…": "ความยินยอม…",
        "Consent signed {time}": "ลงนามยินยอมแล้ว {time}",
        "Consent form signed and kept.": "ลงนามใบยินยอมและเก็บไว้แล้ว",
        "Select a task to see its customer, scan results and checklist.":
            "เลือกงานเพื่อดูข้อมูลลูกค้า ผลสแกนผิว และขั้นตอนการทำ",
        "Task claimed.": "รับงานแล้ว",
        "Task started.": "เริ่มงานแล้ว",
        "Task completed.": "งานเสร็จเรียบร้อย",
        "Task reassigned.": "เปลี่ยนผู้รับงานแล้ว",
        "Notes saved.": "บันทึกแล้ว",
        "Photo added.": "เพิ่มรูปแล้ว",
        "Choose a before photo": "เลือกรูปก่อนทำ",
        "Choose an after photo": "เลือกรูปหลังทำ",
        "Images ({patterns})": "รูปภาพ ({patterns})",
        "Reassign task": "เปลี่ยนผู้รับงาน",
        "Who takes over {customer}'s task?": "ใครจะรับงานของ {customer} ต่อ",
        "Back to the role's queue (nobody)": "คืนเข้าคิวของตำแหน่ง (ยังไม่มีผู้รับ)",
    },
    "errors": {
        "A photo is taken before or after the treatment": "รูปต้องถ่ายก่อนหรือหลังทำทรีตเมนต์",
        "A task keeps at most {most} photos of each kind": "งานหนึ่งเก็บรูปแต่ละแบบได้ไม่เกิน {most} รูป",
    },
}


PROPOSALS_THAI: dict[str, dict[str, str]] = {
    "Journeys": {
        "Proposal…": "ใบเสนอ…",
        "Open at POS": "เปิดที่หน้าขาย",
        "Book treatment…": "นัดทรีตเมนต์…",
        "Proposal saved for {customer}.": "บันทึกใบเสนอของ {customer} แล้ว",
    },
    "ProposalDialog": {
        "Proposal": "ใบเสนอ",
        "Treatment plan for {customer}": "แผนการรักษาของ {customer}",
        "Find a treatment, package or product (name or SKU)": "ค้นหาทรีตเมนต์ แพ็กเกจ หรือสินค้า (ชื่อหรือรหัส SKU)",
        "Suggested by the scan": "แนะนำจากผลสแกนผิว",
        "Item": "รายการ",
        "Quantity": "จำนวน",
        "Price (฿)": "ราคา (฿)",
        "Amount": "จำนวนเงิน",
        "Remove line": "ลบรายการ",
        "Note for the customer or the team": "หมายเหตุถึงลูกค้าหรือทีมงาน",
        "Save proposal": "บันทึกใบเสนอ",
        "Cancel": "ยกเลิก",
        "{item} · {price} · because {reason}": "{item} · {price} · เพราะ {reason}",
        "Total {total}": "รวม {total}",
    },
    "ProposalPicker": {
        "{customer} · {total} · {items} · {when}": "{customer} · {total} · {items} · {when}",
        "Open a proposal": "เปิดใบเสนอ",
        "Customer or item": "ชื่อลูกค้าหรือรายการ",
        "Open at the POS": "เปิดที่หน้าขาย",
        "Cancel": "ยกเลิก",
        "No proposal is waiting for payment at this branch.": "ไม่มีใบเสนอที่รอชำระเงินที่สาขานี้",
    },
    "CounterScreen": {
        "Open the proposal": "เปิดใบเสนอ",
        "Replace the cart with the proposal?": "แทนที่รายการในตะกร้าด้วยใบเสนอนี้หรือไม่?",
        "Proposal price": "ราคาตามใบเสนอ",
        "{customer}'s proposal is in the cart: paying it confirms the journey's payment.":
            "ใส่ใบเสนอของ {customer} ลงตะกร้าแล้ว เมื่อชำระเงินจะยืนยันการชำระของเคสนี้",
        "Open proposal…": "เปิดใบเสนอ…",
        "Make a customer's treatment proposal the cart": "นำใบเสนอแผนการรักษาของลูกค้ามาใส่ตะกร้า",
    },
    "BookDialog": {
        "{customer} (schedules her journey)": "{customer} (นัดตามเคสของลูกค้า)",
    },
    "DayView": {
        "Booking for {customer}'s journey: choose a free slot, then Book….":
            "กำลังนัดให้เคสของ {customer}: เลือกช่องเวลาว่าง แล้วกด จองนัด…",
        "Appointment booked; {customer}'s journey is scheduled.": "จองนัดแล้ว เคสของ {customer} อยู่ในขั้นนัดทรีตเมนต์",
    },
    "errors": {
        "A proposal needs at least one item": "ใบเสนอต้องมีอย่างน้อยหนึ่งรายการ",
        "A proposal has at most {count} lines": "ใบเสนอมีได้ไม่เกิน {count} รายการ",
        "Line {line}: the quantity must be from 1 to {max}": "รายการที่ {line}: จำนวนต้องอยู่ระหว่าง 1 ถึง {max}",
        "Line {line}: the price must not be below zero": "รายการที่ {line}: ราคาต้องไม่ติดลบ",
        "This journey is another customer's": "เคสนี้เป็นของลูกค้าคนอื่น",
        "This journey is closed: reopen it before booking": "เคสนี้ปิดแล้ว กรุณาเปิดเคสใหม่ก่อนจองนัด",
        "This journey is closed: reopen it before proposing": "เคสนี้ปิดแล้ว กรุณาเปิดเคสใหม่ก่อนทำใบเสนอ",
        "This journey is not waiting for a payment": "เคสนี้ยังไม่อยู่ในขั้นรอชำระเงิน",
        "This journey has no proposal to open": "เคสนี้ไม่มีใบเสนอที่เปิดได้",
        "This proposal was superseded or already paid": "ใบเสนอนี้ถูกแทนที่ด้วยฉบับใหม่หรือชำระเงินแล้ว",
    },
    "sync_fields": {"Proposal": "ใบเสนอ"},
}


# The automation rule editor (issue 13), the line's performer on purchases.
AUTOMATION_THAI: dict[str, dict[str, str]] = {
    "tasks": {
        "The journey's sales owner": "พนักงานขายที่ดูแลเคส",
        "The journey's beautician": "บิวตี้เทอราปิสต์ของเคส",
        "A staff member": "พนักงานที่ระบุ",
        "Anyone of the role": "ใครก็ได้ในตำแหน่งนั้น",
    },
    "MainWindow": {"Automation rules…": "กฎงานอัตโนมัติ…"},
    "RulesModel": {
        "Active": "ใช้งาน",
        "On entering": "เมื่อเข้าขั้น",
        "Task (Thai)": "งาน (ภาษาไทย)",
        "Task (English)": "งาน (ภาษาอังกฤษ)",
        "For": "ผู้รับงาน",
        "Priority": "ความเร่งด่วน",
        "Due after": "กำหนดเสร็จภายใน",
        "{n} d": "{n} วัน",
        "{n} h": "{n} ชม.",
        "{n} min": "{n} นาที",
        "Anyone: {role}": "ใครก็ได้: {role}",
    },
    "RulesDialog": {
        "Automation rules": "กฎงานอัตโนมัติ",
        "When a journey enters a stage, each active rule of that stage makes a task. "
        "Changes apply to the next stage entries; tasks already made stay as they are.":
            "เมื่อเคสเข้าสู่ขั้นใด กฎที่ใช้งานของขั้นนั้นจะสร้างงานให้ การแก้ไขมีผลกับการเข้าขั้นครั้งถัดไป "
            "งานที่สร้างไปแล้วคงเดิม",
        " days": " วัน",
        " hours": " ชั่วโมง",
        " minutes": " นาที",
        "On entering": "เมื่อเข้าขั้น",
        "Task (Thai)": "ชื่องาน (ภาษาไทย)",
        "Task (English)": "ชื่องาน (ภาษาอังกฤษ)",
        "For": "มอบให้",
        "Staff member": "พนักงาน",
        "Queue of the role": "คิวงานของตำแหน่ง",
        "Priority": "ความเร่งด่วน",
        "Due after": "กำหนดเสร็จภายใน",
        "{customer} and {treatment} in a title are replaced by the customer's and the treatment's names.":
            "{customer} และ {treatment} ในชื่องานจะถูกแทนด้วยชื่อลูกค้าและชื่อทรีตเมนต์",
        "Copy the treatment's protocol steps as the task's checklist": "คัดลอกขั้นตอนของทรีตเมนต์เป็นรายการตรวจของงาน",
        "Active": "ใช้งาน",
        "Add rule": "เพิ่มกฎ",
        "Remove rule": "ลบกฎ",
        "Reset to defaults": "คืนค่าเริ่มต้น",
        "Save": "บันทึก",
        "Cancel": "ยกเลิก",
    },
    "PurchasesModel": {"{item} (performed by {name})": "{item} (ทำโดย {name})"},
}


# The skin scan page, the suggestion rules and catalog tags (issue 13).
SCAN_SCREEN_THAI: dict[str, dict[str, str]] = {
    "ScanPage": {
        "Skin scans": "สแกนผิว",
        "This customer has not consented to skin scans and photos (sensitive data). "
        "Record their consent on the profile first; nothing can be recorded here until then.":
            "ลูกค้ารายนี้ยังไม่ได้ให้ความยินยอมในการสแกนผิวและถ่ายภาพ (ข้อมูลอ่อนไหว) "
            "กรุณาบันทึกความยินยอมในหน้าข้อมูลลูกค้าก่อน จนกว่าจะได้รับความยินยอมจะบันทึกการสแกนไม่ได้",
        "New scan": "สแกนใหม่",
        "Notes": "บันทึก",
        "What the scan shows, what the customer says (optional)": "ผลที่เห็นจากการสแกน สิ่งที่ลูกค้าเล่า (ไม่บังคับ)",
        "Add images…": "เพิ่มรูปภาพ…",
        "Clear images": "ล้างรูปภาพ",
        "Save scan": "บันทึกการสแกน",
        "Compared with the previous scan": "เทียบกับการสแกนครั้งก่อน",
        "Images of the latest scan": "รูปภาพจากการสแกนล่าสุด",
        "Suggested treatments": "ทรีตเมนต์ที่แนะนำ",
        "Suggestion rules…": "กฎการแนะนำ…",
        "No scans yet": "ยังไม่มีการสแกน",
        "First scan, {when}: nothing to compare with yet": "สแกนครั้งแรก {when} ยังไม่มีครั้งก่อนให้เทียบ",
        "Latest scan, {when}, beside the one before": "สแกนล่าสุด {when} เทียบกับครั้งก่อน",
        "Not here yet": "ยังไม่มีในเครื่องนี้",
        "{item} — because {reason}": "{item} — เพราะ {reason}",
        "Suggestions follow a scan": "คำแนะนำจะแสดงหลังการสแกน",
        "No treatment to suggest for the latest scan": "ไม่มีทรีตเมนต์ที่แนะนำจากการสแกนล่าสุด",
        "Images: {names}": "รูปภาพ: {names}",
        "No images chosen": "ยังไม่ได้เลือกรูปภาพ",
        "Scan images": "รูปภาพจากการสแกน",
        "Images (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff *.gif)":
            "รูปภาพ (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff *.gif)",
    },
    "ScanCompareModel": {
        "Measure": "ค่าที่วัด",
        "Previous": "ครั้งก่อน",
        "Latest": "ล่าสุด",
        "Change": "เปลี่ยนแปลง",
        "Over time": "แนวโน้ม",
        "Better": "ดีขึ้น",
        "Worse": "แย่ลง",
    },
    "SuggestionRulesDialog": {
        "Suggestion rules": "กฎการแนะนำทรีตเมนต์",
        "When the latest scan's value of a measure is above (or below) the threshold, the treatments "
        "tagged with the rule's tag are suggested. Tags are set on each item in the catalog.":
            "เมื่อค่าที่วัดได้จากการสแกนล่าสุดสูงกว่า (หรือต่ำกว่า) เกณฑ์ ระบบจะแนะนำทรีตเมนต์ที่มีแท็กตามกฎ "
            "กำหนดแท็กได้ที่แต่ละรายการในหน้าสินค้าและบริการ",
        "Measure": "ค่าที่วัด",
        "Above or below": "สูงกว่าหรือต่ำกว่า",
        "Threshold": "เกณฑ์",
        "Tag": "แท็ก",
        "Add rule": "เพิ่มกฎ",
        "Remove rule": "ลบกฎ",
        "Defaults": "ค่าเริ่มต้น",
        "e.g. hydration": "เช่น hydration",
    },
    "scans": {
        "above": "สูงกว่า",
        "below": "ต่ำกว่า",
    },
    "Journeys": {
        "Skin scans…": "สแกนผิว…",
    },
    "CatalogItemDialog": {
        "Tags": "แท็ก",
        "e.g. acne, hydration: suggested after a skin scan (optional)":
            "เช่น acne, hydration ใช้แนะนำหลังการสแกนผิว (ไม่บังคับ)",
    },
    "errors": {
        "Tags are short words separated by commas": "แท็กคือคำสั้น ๆ คั่นด้วยเครื่องหมายจุลภาค",
        "A tag may have at most {limit} characters": "แท็กยาวได้ไม่เกิน {limit} ตัวอักษร",
        "An item may have at most {limit} tags": "รายการหนึ่งมีแท็กได้ไม่เกิน {limit} แท็ก",
        "A suggestion rule must be a set of fields": "กฎการแนะนำต้องประกอบด้วยช่องข้อมูลครบถ้วน",
        "Choose the measure and whether the value is above or below": "เลือกค่าที่วัดและเลือกว่าสูงกว่าหรือต่ำกว่าเกณฑ์",
        "A threshold is a whole number from 0 to 100": "เกณฑ์ต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง 100",
        "A rule needs the tag of the treatments it suggests (at most {max} characters)":
            "กฎต้องมีแท็กของทรีตเมนต์ที่จะแนะนำ (ไม่เกิน {max} ตัวอักษร)",
        "The suggestion rules must be a list of at most {max} rules": "กฎการแนะนำมีได้ไม่เกิน {max} ข้อ",
        "The suggestion rules take too much room: remove some": "กฎการแนะนำใช้พื้นที่มากเกินไป กรุณาลบบางข้อ",
    },
}


# The treatment consent form signed on screen (issue 13), kept apart so that parallel work merges.
CONSENT_THAI: dict[str, dict[str, str]] = {
    "ConsentDialog": {
        "Treatment consent form": "หนังสือแสดงความยินยอมรับบริการ",
        "Sign below with a finger, pen or mouse:": "ลงนามด้านล่างด้วยนิ้ว ปากกา หรือเมาส์:",
        "Clear": "ล้าง",
        "Sign": "ลงนาม",
        "Cancel": "ยกเลิก",
        "{customer} — consent to {treatment}": "{customer} — ยินยอมรับบริการ {treatment}",
        "The customer has not signed yet: sign on the pad first.": "ลูกค้ายังไม่ได้ลงนาม กรุณาลงนามบนแผ่นลงนามก่อน",
    },
    "errors": {
        "The customer has not signed yet: sign on the pad first":
            "ลูกค้ายังไม่ได้ลงนาม กรุณาลงนามบนแผ่นลงนามก่อน",
        "This task is for another customer": "งานนี้เป็นของลูกค้ารายอื่น",
        "There is no such journey at this branch": "ไม่พบเคสนี้ในสาขานี้",
        "This journey is another customer's": "เคสนี้เป็นของลูกค้ารายอื่น",
        "A consent text is needed in Thai, at most {most} characters":
            "ต้องมีข้อความแสดงความยินยอมภาษาไทย ยาวไม่เกิน {most} ตัวอักษร",
        "A consent text may name only the customer, the treatment and the clinic, in braces":
            "ข้อความแสดงความยินยอมใส่ได้เฉพาะชื่อลูกค้า ทรีตเมนต์ และคลินิก โดยเขียน customer treatment "
            "หรือ clinic ในวงเล็บปีกกา",
        "A treatment's own consent text must name a catalog treatment":
            "ข้อความแสดงความยินยอมเฉพาะทรีตเมนต์ต้องระบุทรีตเมนต์ในรายการสินค้าและบริการ",
    },
    "sync_fields": {"Signed consent form": "หนังสือยินยอมที่ลงนามแล้ว"},
}

# Images not on this PC, fetched for the screens (ui/images.py).
IMAGES_THAI: dict[str, dict[str, str]] = {
    "errors": {"Not on this PC yet": "ยังไม่มีในเครื่องนี้"},
}

# The X and Z reports name the treatments performed (the PDF carries its own Thai and English).
PERFORMERS_THAI: dict[str, dict[str, str]] = {
    "ShiftBar": {
        "The sales of this shift so far and the treatments performed at the branch, as a PDF":
            "ยอดขายของกะนี้จนถึงตอนนี้ และทรีตเมนต์ที่ทำในสาขา เป็นไฟล์ PDF",
        "Today's sales on this terminal and the treatments performed at the branch, as a PDF":
            "ยอดขายวันนี้ของเครื่องนี้ และทรีตเมนต์ที่ทำในสาขา เป็นไฟล์ PDF",
    },
}

PHOTO_VIEWER_THAI: dict[str, dict[str, str]] = {
    "PhotoViewer": {
        "Skin scan image": "ภาพสแกนผิว",
        "{kind} · {taken}": "{kind} · {taken}",
        "Not on this PC yet: fetching it from the clinic server…":
            "ยังไม่มีในเครื่องนี้: กำลังดึงจากเซิร์ฟเวอร์ของคลินิก…",
        "This photo cannot be shown yet.\n{reason}": "ยังแสดงรูปนี้ไม่ได้\n{reason}",
        "No photos": "ไม่มีรูป",
        "Before | After ({at}/{count})": "ก่อน | หลัง ({at}/{count})",
        "{caption} ({at}/{count})": "{caption} ({at}/{count})",
        "{subject} — {what}": "{subject} — {what}",
        "{at} of {count}": "{at} จาก {count}",
        "◀ Previous": "◀ ก่อนหน้า",
        "Next ▶": "ถัดไป ▶",
        "Zoom out": "ย่อ",
        "Zoom in": "ขยาย",
        "Fit": "พอดีหน้าต่าง",
        "Before | After": "ก่อน | หลัง",
        "The before and after photos side by side": "รูปก่อนทำและหลังทำเทียบกัน",
    },
}

# The consent text editor and the journey's checked links (issue 13), kept apart so that parallel work merges.
CONSENT_TEXT_THAI: dict[str, dict[str, str]] = {
    "MainWindow": {"Consent form text…": "ข้อความหนังสือยินยอม…"},
    "ConsentTextDialog": {
        "Consent form text": "ข้อความหนังสือยินยอม",
        "The text a customer signs before a treatment. A treatment may have its own text; the others use "
        "the default. Forms signed earlier keep the text they were signed with.":
            "ข้อความที่ลูกค้าลงนามก่อนรับทรีตเมนต์ ทรีตเมนต์หนึ่งๆ มีข้อความของตัวเองได้ ทรีตเมนต์อื่นใช้ข้อความหลัก "
            "หนังสือที่ลงนามไปแล้วยังคงใช้ข้อความเดิม",
        "Default (every treatment)": "ข้อความหลัก (ทุกทรีตเมนต์)",
        "A treatment no longer in the catalog": "ทรีตเมนต์ที่ไม่มีในรายการแล้ว",
        "Clear-skin facial": "ทรีตเมนต์หน้าใส",
        "Own text for this treatment": "ข้อความเฉพาะทรีตเมนต์นี้",
        "Remove its own text": "ลบข้อความเฉพาะ",
        "Thai (required)": "ภาษาไทย (ต้องกรอก)",
        "English (left empty: the default English)": "ภาษาอังกฤษ (เว้นว่างไว้: ใช้ข้อความภาษาอังกฤษหลัก)",
        "{customer}, {treatment} and {clinic} are replaced by the customer's name, the treatment and the "
        "clinic when the form is shown and printed.":
            "{customer} {treatment} และ {clinic} จะถูกแทนด้วยชื่อลูกค้า ทรีตเมนต์ และคลินิก เมื่อแสดงและพิมพ์หนังสือ",
        "Preview": "ตัวอย่าง",
        "Reset to default": "คืนค่าเริ่มต้น",
        "Save": "บันทึก",
        "Cancel": "ยกเลิก",
    },
    "errors": {
        "This appointment is another customer's": "นัดนี้เป็นของลูกค้ารายอื่น",
        "This appointment was cancelled or missed: book another": "นัดนี้ถูกยกเลิกหรือลูกค้าไม่มาตามนัด กรุณาจองนัดใหม่",
    },
}


def table() -> dict[tuple[str, str], str]:
    """Return THAI as ``(context, source) -> translation``."""
    return {(ctx, src): text for part in (THAI, COUPONS_THAI, REDEMPTION_THAI, LOYALTY_ADMIN_THAI, PRICING_THAI,
                                               COUNTER_THAI, REFUNDS_THAI, COURSES_THAI, CASH_MOVEMENTS_THAI,
                                               REFUND_SCREEN_THAI, COUNTER_RULES_THAI, BALANCES_THAI,
                                               TAX_INVOICES_THAI, SCANS_THAI, APPOINTMENTS_THAI, TASKS_THAI,
                                               TASK_QUEUE_THAI, PROPOSALS_THAI, AUTOMATION_THAI, SCAN_SCREEN_THAI,
                                               CONSENT_THAI, IMAGES_THAI, PERFORMERS_THAI, PHOTO_VIEWER_THAI,
                                               CONSENT_TEXT_THAI)
            for ctx, messages in part.items()
            for src, text in messages.items()}


def main(argv: list[str]) -> int:
    ts = ts_path("th")
    filled = fill_ts(ts, table(), force="--force" in argv)
    ensure_compiled()
    left = unfinished(ts)
    print(f"filled {filled} Thai messages; {len(left)} still untranslated")
    for context, source in left:
        print(f"  {context}: {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
