<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>AchievementForm</name>
    <message>
        <source>Add achievement</source>
        <translation>เพิ่มความสำเร็จ</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>หมวด</translation>
    </message>
    <message>
        <source>Name (Thai)</source>
        <translation>ชื่อ (ภาษาไทย)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>ชื่อ (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <source>Description (Thai)</source>
        <translation>คำอธิบาย (ภาษาไทย)</translation>
    </message>
    <message>
        <source>Description (English)</source>
        <translation>คำอธิบาย (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <source>Unlocked by</source>
        <translation>เงื่อนไข</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>เป้าหมาย</translation>
    </message>
    <message>
        <source>Within days</source>
        <translation>ภายใน (วัน)</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>แต้ม</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>ความสำเร็จลับ</translation>
    </message>
    <message>
        <source>Hidden until a member unlocks it</source>
        <translation>ซ่อนไว้จนกว่าสมาชิกจะปลดล็อก</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>เพิ่ม</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>AchievementsModel</name>
    <message>
        <source>{what}: {target} within {days} days</source>
        <translation>{what}: {target} ครั้งภายใน {days} วัน</translation>
    </message>
    <message>
        <source>{what}: at least {target}</source>
        <translation>{what}: ตั้งแต่ {target}</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>หมวด</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>ความสำเร็จ</translation>
    </message>
    <message>
        <source>Unlocked by</source>
        <translation>เงื่อนไข</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>เป้าหมาย</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>แต้ม</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>ซ่อน</translation>
    </message>
</context>
<context>
    <name>AchievementsTab</name>
    <message>
        <source>Add achievement…</source>
        <translation>เพิ่มความสำเร็จ…</translation>
    </message>
    <message>
        <source>Save achievements</source>
        <translation>บันทึกความสำเร็จ</translation>
    </message>
</context>
<context>
    <name>AdjustPointsDialog</name>
    <message>
        <source>Adjust points</source>
        <translation>ปรับแต้ม</translation>
    </message>
    <message>
        <source>Points of {name}</source>
        <translation>แต้มของ {name}</translation>
    </message>
    <message>
        <source>Balance now</source>
        <translation>แต้มคงเหลือตอนนี้</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} แต้ม</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>การปรับ</translation>
    </message>
    <message>
        <source>Add points</source>
        <translation>เพิ่มแต้ม</translation>
    </message>
    <message>
        <source>Take points</source>
        <translation>หักแต้ม</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>จำนวนแต้ม</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <source>Why, e.g. points of a sale missed on 3 Nov</source>
        <translation>เหตุผล เช่น แต้มจากการซื้อวันที่ 3 พ.ย. ที่ตกหล่น</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>BookDialog</name>
    <message>
        <source>Book an appointment</source>
        <translation>จองนัดหมาย</translation>
    </message>
    <message>
        <source>Name or phone</source>
        <translation>ชื่อหรือเบอร์โทร</translation>
    </message>
    <message>
        <source>{treatment} ({minutes} min)</source>
        <translation>{treatment} ({minutes} นาที)</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>จอง</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>เริ่ม</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>ลูกค้า</translation>
    </message>
    <message>
        <source>{customer} (schedules her journey)</source>
        <translation>{customer} (นัดตามเคสของลูกค้า)</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>ทรีตเมนต์</translation>
    </message>
    <message>
        <source>Beautician</source>
        <translation>ช่างเสริมสวย</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>ห้อง</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <source>Find and choose the customer first.</source>
        <translation>กรุณาค้นหาและเลือกลูกค้าก่อน</translation>
    </message>
</context>
<context>
    <name>CampaignTab</name>
    <message>
        <source>Export the campaign&apos;s codes</source>
        <translation>ส่งออกรหัสคูปองของแคมเปญ</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>ไฟล์ CSV (*.csv)</translation>
    </message>
    <message>
        <source>Wrote {count} codes to {path}</source>
        <translation>บันทึก {count} รหัสลงไฟล์ {path} แล้ว</translation>
    </message>
    <message>
        <source>Generated {count} codes for “{campaign}”, e.g. {code}</source>
        <translation>สร้าง {count} รหัสสำหรับ “{campaign}” แล้ว เช่น {code}</translation>
    </message>
    <message>
        <source>Campaign name</source>
        <translation>ชื่อแคมเปญ</translation>
    </message>
    <message>
        <source>Number of codes</source>
        <translation>จำนวนรหัส</translation>
    </message>
    <message>
        <source>Percent off</source>
        <translation>ลดเป็นเปอร์เซ็นต์</translation>
    </message>
    <message>
        <source>Amount off (baht)</source>
        <translation>ส่วนลด (บาท)</translation>
    </message>
    <message>
        <source>Free item (SKU)</source>
        <translation>รายการฟรี (รหัสสินค้า)</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>ใช้ได้ตั้งแต่</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>ใช้ได้ถึง</translation>
    </message>
    <message>
        <source>Minimum spend (baht)</source>
        <translation>ยอดซื้อขั้นต่ำ (บาท)</translation>
    </message>
    <message>
        <source>Uses per customer</source>
        <translation>ใช้ได้ต่อลูกค้า (ครั้ง)</translation>
    </message>
    <message>
        <source>Gives</source>
        <translation>ได้รับ</translation>
    </message>
    <message>
        <source>Amount off</source>
        <translation>ลดเป็นจำนวนเงิน</translation>
    </message>
    <message>
        <source>A free item</source>
        <translation>รับรายการฟรี</translation>
    </message>
    <message>
        <source>day/month/year, e.g. 31/01/2570; empty: no limit</source>
        <translation>วัน/เดือน/ปี เช่น 31/01/2570 เว้นว่าง: ไม่จำกัด</translation>
    </message>
    <message>
        <source>empty: no minimum</source>
        <translation>เว้นว่าง: ไม่มีขั้นต่ำ</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>ไม่จำกัด</translation>
    </message>
    <message>
        <source>e.g. BASIC-FACIAL</source>
        <translation>เช่น BASIC-FACIAL</translation>
    </message>
    <message>
        <source>Generate codes</source>
        <translation>สร้างรหัสคูปอง</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>ส่งออก CSV…</translation>
    </message>
</context>
<context>
    <name>CartLines</name>
    <message>
        <source>Discount (F9)</source>
        <translation>ส่วนลด (F9)</translation>
    </message>
    <message>
        <source>Remove (Del)</source>
        <translation>ลบ (Del)</translation>
    </message>
</context>
<context>
    <name>CashMovementDialog</name>
    <message>
        <source>Cash in / out</source>
        <translation>นำเงินสดเข้า / ออก</translation>
    </message>
    <message>
        <source>Cash put into the drawer or taken out of it that is not a sale&apos;s, with the reason. The drawer should hold {cash} now.</source>
        <translation>เงินสดที่นำเข้าหรือนำออกจากลิ้นชักที่ไม่ใช่เงินจากการขาย พร้อมเหตุผล ตอนนี้ลิ้นชักควรมี {cash}</translation>
    </message>
    <message>
        <source>Cash in (F5)</source>
        <translation>นำเงินเข้า (F5)</translation>
    </message>
    <message>
        <source>Cash out (F6)</source>
        <translation>นำเงินออก (F6)</translation>
    </message>
    <message>
        <source>Amount (฿)</source>
        <translation>จำนวนเงิน (฿)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <source>e.g. change from the bank, drinking water</source>
        <translation>เช่น แลกเงินทอนจากธนาคาร ซื้อน้ำดื่ม</translation>
    </message>
    <message>
        <source>Cash expected after</source>
        <translation>เงินสดที่ควรมีหลังจากนี้</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>The cash out was not approved</source>
        <translation>การนำเงินออกไม่ได้รับการอนุมัติ</translation>
    </message>
</context>
<context>
    <name>CatalogItemDialog</name>
    <message>
        <source>New catalog item</source>
        <translation>เพิ่มรายการสินค้าและบริการ</translation>
    </message>
    <message>
        <source>Edit catalog item</source>
        <translation>แก้ไขรายการสินค้าและบริการ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Name (Thai)</source>
        <translation>ชื่อ (ภาษาไทย)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>ชื่อ (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <source>Price (baht, VAT included)</source>
        <translation>ราคา (บาท รวม VAT)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>หมวดหมู่</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>แท็ก</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>ระยะเวลา</translation>
    </message>
    <message>
        <source>Protocol checklist</source>
        <translation>ขั้นตอนการทำ (เช็กลิสต์)</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>รหัสสินค้า (SKU)</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>บาร์โค้ด</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>ทรีตเมนต์</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>จำนวนครั้ง</translation>
    </message>
    <message>
        <source>e.g. 1,500.00</source>
        <translation>เช่น 1,500.00</translation>
    </message>
    <message>
        <source>e.g. Laser, Facial, Skincare (optional)</source>
        <translation>เช่น เลเซอร์, ทรีตเมนต์หน้า, สกินแคร์ (ไม่บังคับ)</translation>
    </message>
    <message>
        <source>e.g. acne, hydration: suggested after a skin scan (optional)</source>
        <translation>เช่น acne, hydration ใช้แนะนำหลังการสแกนผิว (ไม่บังคับ)</translation>
    </message>
    <message>
        <source>EAN-13, EAN-8 or UPC-A (optional)</source>
        <translation>EAN-13, EAN-8 หรือ UPC-A (ไม่บังคับ)</translation>
    </message>
    <message>
        <source>VAT exempt (medical service)</source>
        <translation>ยกเว้น VAT (บริการทางการแพทย์)</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>เปิดขาย</translation>
    </message>
    <message>
        <source> min</source>
        <translation> นาที</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>เพิ่มขั้นตอน</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>เลื่อนขึ้น</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>เลื่อนลง</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <source>Exempt</source>
        <translation>ยกเว้น</translation>
    </message>
    <message>
        <source>7%</source>
        <translation>7%</translation>
    </message>
    <message>
        <source>Not sold at this branch</source>
        <translation>ไม่ขายที่สาขานี้</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>เปิดขาย</translation>
    </message>
    <message>
        <source>Off sale</source>
        <translation>ปิดขาย</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} นาที</translation>
    </message>
    <message>
        <source>{count} in stock</source>
        <translation>คงเหลือ {count}</translation>
    </message>
    <message>
        <source>{count} sessions</source>
        <translation>{count} ครั้ง</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>ราคา</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>VAT</translation>
    </message>
    <message>
        <source>Duration / stock / sessions</source>
        <translation>เวลา / คงเหลือ / จำนวนครั้ง</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
</context>
<context>
    <name>CatalogScreen</name>
    <message>
        <source>Take off sale</source>
        <translation>ปิดการขาย</translation>
    </message>
    <message>
        <source>Put on sale</source>
        <translation>เปิดการขาย</translation>
    </message>
    <message>
        <source>Only a manager may change the catalog</source>
        <translation>เฉพาะผู้จัดการเท่านั้นที่แก้ไขรายการสินค้าและบริการได้</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>ทุกประเภท</translation>
    </message>
    <message>
        <source>Treatments</source>
        <translation>ทรีตเมนต์</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>แพ็กเกจ</translation>
    </message>
    <message>
        <source>Name, SKU or barcode</source>
        <translation>ชื่อ รหัสสินค้า หรือบาร์โค้ด</translation>
    </message>
    <message>
        <source>Show items off sale</source>
        <translation>แสดงรายการที่ปิดขาย</translation>
    </message>
    <message>
        <source>New item…</source>
        <translation>เพิ่มรายการ…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>แก้ไข…</translation>
    </message>
    <message>
        <source>Receive stock…</source>
        <translation>รับสินค้าเข้า…</translation>
    </message>
    <message>
        <source>Count stock…</source>
        <translation>ตรวจนับสต็อก…</translation>
    </message>
    <message>
        <source>No item matches “{text}”.</source>
        <translation>ไม่พบรายการที่ตรงกับ “{text}”</translation>
    </message>
    <message>
        <source>No items here yet.</source>
        <translation>ยังไม่มีรายการในหมวดนี้</translation>
    </message>
    <message>
        <source>Tick “Show items off sale” to look among those too.</source>
        <translation>ติ๊ก “แสดงรายการที่ปิดขาย” เพื่อค้นหาในรายการเหล่านั้นด้วย</translation>
    </message>
</context>
<context>
    <name>Checkout</name>
    <message>
        <source>The cart is empty: scan or find an item first</source>
        <translation>ตะกร้ายังว่าง: สแกนหรือค้นหารายการก่อน</translation>
    </message>
    <message>
        <source>Open a shift before selling</source>
        <translation>เปิดกะก่อนขาย</translation>
    </message>
    <message>
        <source>The coupon does not apply: take it off (clear the coupon box) or fix it</source>
        <translation>คูปองนี้ใช้ไม่ได้: ลบรหัสออกจากช่องคูปองหรือแก้ให้ถูกต้อง</translation>
    </message>
    <message>
        <source>A manager did not approve the discount</source>
        <translation>ผู้จัดการไม่ได้อนุมัติส่วนลด</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <source>{amount} (even)</source>
        <translation>{amount} (พอดี)</translation>
    </message>
    <message>
        <source>{amount} short</source>
        <translation>{amount} ขาด</translation>
    </message>
    <message>
        <source>{amount} over</source>
        <translation>{amount} เกิน</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>ปิดกะ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Shift opened {when} with a float of {float}. Count the drawer: how many of each note and coin.</source>
        <translation>เปิดกะเมื่อ {when} ด้วยเงินทอนตั้งต้น {float} นับเงินในลิ้นชัก: ธนบัตรและเหรียญแต่ละชนิดมีกี่ใบ กี่เหรียญ</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>นับได้</translation>
    </message>
    <message>
        <source>Expected (float + cash taken ± cash in/out)</source>
        <translation>ควรมี (เงินทอนตั้งต้น + เงินสดที่รับ ± นำเงินเข้า/ออก)</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>ส่วนต่าง</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>หมายเหตุ</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Treatment consent form</source>
        <translation>หนังสือแสดงความยินยอมรับบริการ</translation>
    </message>
    <message>
        <source>Sign below with a finger, pen or mouse:</source>
        <translation>ลงนามด้านล่างด้วยนิ้ว ปากกา หรือเมาส์:</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>ล้าง</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>ลงนาม</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>{customer} — consent to {treatment}</source>
        <translation>{customer} — ยินยอมรับบริการ {treatment}</translation>
    </message>
    <message>
        <source>The customer has not signed yet: sign on the pad first.</source>
        <translation>ลูกค้ายังไม่ได้ลงนาม กรุณาลงนามบนแผ่นลงนามก่อน</translation>
    </message>
</context>
<context>
    <name>ConsentTextDialog</name>
    <message>
        <source>Default (every treatment)</source>
        <translation>ข้อความหลัก (ทุกทรีตเมนต์)</translation>
    </message>
    <message>
        <source>A treatment no longer in the catalog</source>
        <translation>ทรีตเมนต์ที่ไม่มีในรายการแล้ว</translation>
    </message>
    <message>
        <source>Clear-skin facial</source>
        <translation>ทรีตเมนต์หน้าใส</translation>
    </message>
    <message>
        <source>Consent form text</source>
        <translation>ข้อความหนังสือยินยอม</translation>
    </message>
    <message>
        <source>The text a customer signs before a treatment. A treatment may have its own text; the others use the default. Forms signed earlier keep the text they were signed with.</source>
        <translation>ข้อความที่ลูกค้าลงนามก่อนรับทรีตเมนต์ ทรีตเมนต์หนึ่งๆ มีข้อความของตัวเองได้ ทรีตเมนต์อื่นใช้ข้อความหลัก หนังสือที่ลงนามไปแล้วยังคงใช้ข้อความเดิม</translation>
    </message>
    <message>
        <source>Own text for this treatment</source>
        <translation>ข้อความเฉพาะทรีตเมนต์นี้</translation>
    </message>
    <message>
        <source>Remove its own text</source>
        <translation>ลบข้อความเฉพาะ</translation>
    </message>
    <message>
        <source>Thai (required)</source>
        <translation>ภาษาไทย (ต้องกรอก)</translation>
    </message>
    <message>
        <source>English (left empty: the default English)</source>
        <translation>ภาษาอังกฤษ (เว้นว่างไว้: ใช้ข้อความภาษาอังกฤษหลัก)</translation>
    </message>
    <message>
        <source>{customer}, {treatment} and {clinic} are replaced by the customer&apos;s name, the treatment and the clinic when the form is shown and printed.</source>
        <translation>{customer} {treatment} และ {clinic} จะถูกแทนด้วยชื่อลูกค้า ทรีตเมนต์ และคลินิก เมื่อแสดงและพิมพ์หนังสือ</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>ตัวอย่าง</translation>
    </message>
    <message>
        <source>Reset to default</source>
        <translation>คืนค่าเริ่มต้น</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>Counter</name>
    <message>
        <source>Item</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>จำนวน</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>ราคาต่อหน่วย</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>จำนวนเงิน</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>ส่วนลด</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>สุทธิ</translation>
    </message>
    <message>
        <source>A manager approves this discount at payment</source>
        <translation>ส่วนลดนี้ต้องให้ผู้จัดการอนุมัติตอนชำระเงิน</translation>
    </message>
    <message>
        <source>SKU / barcode</source>
        <translation>รหัสสินค้า / บาร์โค้ด</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>ราคา</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>เงินสด</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>บัตร</translation>
    </message>
    <message>
        <source>PromptPay</source>
        <translation>พร้อมเพย์</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>โอนเงิน</translation>
    </message>
    <message>
        <source>Discount: {reason}</source>
        <translation>ส่วนลด: {reason}</translation>
    </message>
    <message>
        <source>Member discount {tier}</source>
        <translation>ส่วนลดสมาชิก {tier}</translation>
    </message>
    <message>
        <source>Coupon {code}</source>
        <translation>คูปอง {code}</translation>
    </message>
</context>
<context>
    <name>CounterScreen</name>
    <message>
        <source>Clear the sale</source>
        <translation>ล้างรายการขาย</translation>
    </message>
    <message>
        <source>Take everything out of the cart?</source>
        <translation>นำทุกรายการออกจากตะกร้าหรือไม่?</translation>
    </message>
    <message>
        <source>Open the proposal</source>
        <translation>เปิดใบเสนอ</translation>
    </message>
    <message>
        <source>Replace the cart with the proposal?</source>
        <translation>แทนที่รายการในตะกร้าด้วยใบเสนอนี้หรือไม่?</translation>
    </message>
    <message>
        <source>Proposal price</source>
        <translation>ราคาตามใบเสนอ</translation>
    </message>
    <message>
        <source>{customer}&apos;s proposal is in the cart: paying it confirms the journey&apos;s payment.</source>
        <translation>ใส่ใบเสนอของ {customer} ลงตะกร้าแล้ว เมื่อชำระเงินจะยืนยันการชำระของเคสนี้</translation>
    </message>
    <message>
        <source>Clear sale</source>
        <translation>ล้างรายการขาย</translation>
    </message>
    <message>
        <source>Pay (F12)</source>
        <translation>ชำระเงิน (F12)</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>จอลูกค้า</translation>
    </message>
    <message>
        <source>Open proposal…</source>
        <translation>เปิดใบเสนอ…</translation>
    </message>
    <message>
        <source>Make a customer&apos;s treatment proposal the cart</source>
        <translation>นำใบเสนอแผนการรักษาของลูกค้ามาใส่ตะกร้า</translation>
    </message>
    <message>
        <source>Show the customer display (Ctrl+Shift+D)</source>
        <translation>แสดงจอฝั่งลูกค้า (Ctrl+Shift+D)</translation>
    </message>
</context>
<context>
    <name>CounterSettingsButton</name>
    <message>
        <source>Counter settings…</source>
        <translation>ตั้งค่าหน้าร้าน…</translation>
    </message>
</context>
<context>
    <name>CounterSettingsDialog</name>
    <message>
        <source>The change was not approved</source>
        <translation>การเปลี่ยนแปลงไม่ได้รับการอนุมัติ</translation>
    </message>
    <message>
        <source>Not set: the counter cannot show a PromptPay QR</source>
        <translation>ยังไม่ได้ตั้ง: หน้าร้านแสดง QR พร้อมเพย์ไม่ได้</translation>
    </message>
    <message>
        <source>Counter settings</source>
        <translation>ตั้งค่าหน้าร้าน</translation>
    </message>
    <message>
        <source>These rules apply at every branch from the next cart on.</source>
        <translation>กฎเหล่านี้ใช้กับทุกสาขา ตั้งแต่ตะกร้าถัดไป</translation>
    </message>
    <message>
        <source>Every category</source>
        <translation>ทุกหมวดหมู่</translation>
    </message>
    <message>
        <source>Only the categories ticked below</source>
        <translation>เฉพาะหมวดหมู่ที่เลือกด้านล่าง</translation>
    </message>
    <message>
        <source>No catalog item has a category yet: give them one in the Catalog.</source>
        <translation>ยังไม่มีรายการใดมีหมวดหมู่: กำหนดหมวดหมู่ได้ที่หน้าสินค้าและบริการ</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN for a discount above</source>
        <translation>ต้องใช้ PIN ผู้จัดการเมื่อให้ส่วนลดเกิน</translation>
    </message>
    <message>
        <source> days</source>
        <translation> วัน</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>ไม่มีวันหมดอายุ</translation>
    </message>
    <message>
        <source>Keep it used</source>
        <translation>ถือว่าใช้แล้ว</translation>
    </message>
    <message>
        <source>Give it back as a new coupon</source>
        <translation>คืนให้เป็นคูปองใบใหม่</translation>
    </message>
    <message>
        <source>Tier discount on</source>
        <translation>ส่วนลดสมาชิกสำหรับ</translation>
    </message>
    <message>
        <source>In categories</source>
        <translation>ในหมวดหมู่</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>ส่วนลดต่อรายการ</translation>
    </message>
    <message>
        <source>Course sessions valid for</source>
        <translation>คอร์สใช้ได้นาน</translation>
    </message>
    <message>
        <source>Coupon of a refunded sale</source>
        <translation>คูปองของการขายที่คืนเงิน</translation>
    </message>
    <message>
        <source>PromptPay id</source>
        <translation>หมายเลขพร้อมเพย์</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>เปลี่ยน…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>CouponBox</name>
    <message>
        <source>Coupon applied: {amount} off</source>
        <translation>ใช้คูปองแล้ว: ลด {amount}</translation>
    </message>
    <message>
        <source>Coupon or reward code (F4)</source>
        <translation>รหัสคูปองหรือของรางวัล (F4)</translation>
    </message>
    <message>
        <source>Type or scan the code and Enter</source>
        <translation>พิมพ์หรือสแกนรหัสแล้วกด Enter</translation>
    </message>
</context>
<context>
    <name>CouponsModel</name>
    <message>
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <source>Gives</source>
        <translation>ได้รับ</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>ใช้ได้ถึง</translation>
    </message>
    <message>
        <source>State</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>ใช้ได้</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>ใช้แล้ว</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>หมดอายุ</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>ยกเลิกแล้ว</translation>
    </message>
</context>
<context>
    <name>CourseHistoryModel</name>
    <message>
        <source>When</source>
        <translation>เมื่อ</translation>
    </message>
    <message>
        <source>What</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>ครั้ง</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>สาขา</translation>
    </message>
    <message>
        <source>Performed by</source>
        <translation>ผู้ทำ</translation>
    </message>
    <message>
        <source>Recorded by {name}</source>
        <translation>บันทึกโดย {name}</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>หมายเหตุ</translation>
    </message>
</context>
<context>
    <name>CourseUse</name>
    <message>
        <source>Attach the member first (F3): a course session is used from their courses</source>
        <translation>กรุณาเลือกสมาชิกก่อน (F3) จึงจะตัดคอร์สของสมาชิกได้</translation>
    </message>
    <message>
        <source>{news}; one taken off the cart</source>
        <translation>{news} และนำออกจากตะกร้า 1 รายการ</translation>
    </message>
    <message>
        <source>Use course session… ({key})</source>
        <translation>ตัดคอร์ส… ({key})</translation>
    </message>
    <message>
        <source>Use a session of the member&apos;s course instead of selling the treatment</source>
        <translation>ตัดคอร์สของสมาชิกแทนการขายทรีทเมนต์</translation>
    </message>
</context>
<context>
    <name>CourseUseDialog</name>
    <message>
        <source>Use a course session</source>
        <translation>ตัดคอร์ส</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>ปิด (Esc)</translation>
    </message>
</context>
<context>
    <name>Courses</name>
    <message>
        <source>Can be used</source>
        <translation>ใช้ได้</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>หมดอายุ</translation>
    </message>
    <message>
        <source>Used up</source>
        <translation>ใช้ครบแล้ว</translation>
    </message>
    <message>
        <source>After the older course</source>
        <translation>รอคอร์สเก่าก่อน</translation>
    </message>
    <message>
        <source>This course expired on {date}: its sessions cannot be used</source>
        <translation>คอร์สนี้หมดอายุเมื่อ {date} ใช้ครั้งที่เหลือไม่ได้</translation>
    </message>
    <message>
        <source>No session of this course is left</source>
        <translation>คอร์สนี้ไม่มีครั้งเหลือแล้ว</translation>
    </message>
    <message>
        <source>An older course of the same treatment is used first: choose that one</source>
        <translation>ต้องตัดคอร์สเก่าของทรีทเมนต์เดียวกันก่อน กรุณาเลือกคอร์สนั้น</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>ซื้อคอร์ส</translation>
    </message>
    <message>
        <source>Session used</source>
        <translation>ตัดคอร์ส</translation>
    </message>
    <message>
        <source>Taken back by a refund</source>
        <translation>คืนเงิน (หักครั้งที่เหลือ)</translation>
    </message>
    <message>
        <source>{left} of {total}</source>
        <translation>{left} จาก {total}</translation>
    </message>
    <message>
        <source>Session used: “{course}”, {left} left</source>
        <translation>ตัดคอร์ส “{course}” แล้ว เหลือ {left} ครั้ง</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>ไม่มีวันหมดอายุ</translation>
    </message>
    <message>
        <source>Not known here</source>
        <translation>ไม่ทราบสาขา</translation>
    </message>
</context>
<context>
    <name>CoursesModel</name>
    <message>
        <source>Course</source>
        <translation>คอร์ส</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>ทรีทเมนต์</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>คงเหลือ</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>หมดอายุ</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>ซื้อเมื่อ / ที่</translation>
    </message>
    <message>
        <source>State</source>
        <translation>สถานะ</translation>
    </message>
</context>
<context>
    <name>CoursesPage</name>
    <message>
        <source>Courses</source>
        <translation>คอร์ส</translation>
    </message>
</context>
<context>
    <name>CoursesSection</name>
    <message>
        <source>History of “{course}”</source>
        <translation>ประวัติของ “{course}”</translation>
    </message>
    <message>
        <source>History</source>
        <translation>ประวัติ</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>คอร์ส</translation>
    </message>
    <message>
        <source>No courses: a package sold to the member shows here</source>
        <translation>ยังไม่มีคอร์ส: คอร์สที่สมาชิกซื้อจะแสดงที่นี่</translation>
    </message>
    <message>
        <source>Use a session (Enter)</source>
        <translation>ตัดคอร์ส (Enter)</translation>
    </message>
    <message>
        <source>Use one session of the selected course</source>
        <translation>ตัดคอร์สที่เลือก 1 ครั้ง</translation>
    </message>
</context>
<context>
    <name>CustomerDetailPanel</name>
    <message>
        <source>Search for a customer, or register a new one (Ctrl+N).</source>
        <translation>ค้นหาลูกค้า หรือลงทะเบียนลูกค้าใหม่ (Ctrl+N)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <source>Referral code</source>
        <translation>รหัสแนะนำเพื่อน</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>LINE ID</source>
        <translation>LINE ID</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>วันเกิด</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>เพศ</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>การติดต่อ</translation>
    </message>
    <message>
        <source>Skin notes</source>
        <translation>บันทึกสภาพผิว</translation>
    </message>
    <message>
        <source>Registered at</source>
        <translation>ลงทะเบียนที่</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>การมาใช้บริการ</translation>
    </message>
    <message>
        <source>PDPA consent</source>
        <translation>ความยินยอม PDPA</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>เช็กอิน</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>แก้ไข…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>ข้อมูลลูกค้า</translation>
    </message>
    <message>
        <source>nickname {nickname}</source>
        <translation>ชื่อเล่น {nickname}</translation>
    </message>
    <message>
        <source>{count} · last {when}</source>
        <translation>{count} ครั้ง · ล่าสุด {when}</translation>
    </message>
    <message>
        <source>{when} at {branch}</source>
        <translation>{when} ที่ {branch}</translation>
    </message>
    <message>
        <source>No visits yet</source>
        <translation>ยังไม่เคยมาใช้บริการ</translation>
    </message>
    <message>
        <source>Opted out of all messages</source>
        <translation>ไม่รับข้อความใด ๆ</translation>
    </message>
    <message>
        <source>no channels</source>
        <translation>ไม่มีช่องทาง</translation>
    </message>
    <message>
        <source>{channels}; quiet {start}–{end}</source>
        <translation>{channels}; งดส่ง {start}–{end}</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>ยังไม่ได้สอบถาม</translation>
    </message>
    <message>
        <source>system</source>
        <translation>ระบบ</translation>
    </message>
    <message>
        <source>Given {when} by {who}</source>
        <translation>ให้ความยินยอม {when} บันทึกโดย {who}</translation>
    </message>
    <message>
        <source>Withdrawn {when} by {who}</source>
        <translation>ถอนความยินยอม {when} บันทึกโดย {who}</translation>
    </message>
    <message>
        <source>Checked in at {time}</source>
        <translation>เช็กอินแล้ว เวลา {time} น.</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>Welcome to {clinic}</source>
        <translation>ยินดีต้อนรับสู่ {clinic}</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>ยินดีต้อนรับ</translation>
    </message>
    <message>
        <source>Hello {name} · {tier} member</source>
        <translation>สวัสดีคุณ{name} · สมาชิกระดับ{tier}</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>ยอดชำระ</translation>
    </message>
    <message>
        <source>This visit earns {points} points</source>
        <translation>ครั้งนี้ได้รับ {points} แต้ม</translation>
    </message>
    <message>
        <source>Scan to pay with PromptPay</source>
        <translation>สแกนเพื่อชำระผ่านพร้อมเพย์</translation>
    </message>
    <message>
        <source>Thank you, {name}</source>
        <translation>ขอบคุณค่ะ คุณ{name}</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>ขอบคุณค่ะ</translation>
    </message>
    <message>
        <source>You earned {points} points</source>
        <translation>ได้รับ {points} แต้ม</translation>
    </message>
    <message>
        <source>Your balance is now {points} points</source>
        <translation>แต้มสะสมคงเหลือ {points} แต้ม</translation>
    </message>
    <message>
        <source>Your change: {amount}</source>
        <translation>เงินทอน {amount}</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>จอลูกค้า</translation>
    </message>
</context>
<context>
    <name>CustomerFormDialog</name>
    <message>
        <source>Register customer</source>
        <translation>ลงทะเบียนลูกค้า</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>แก้ไขข้อมูลลูกค้า</translation>
    </message>
    <message>
        <source>Name (Thai)</source>
        <translation>ชื่อ-นามสกุล (ภาษาไทย)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>ชื่อ-นามสกุล (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>ชื่อเล่น</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>เบอร์มือถือ</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>LINE ID</source>
        <translation>LINE ID</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>วันเกิด</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>เพศ</translation>
    </message>
    <message>
        <source>Skin notes</source>
        <translation>บันทึกสภาพผิว</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>ช่องทาง</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>ช่วงเวลางดส่งข้อความ</translation>
    </message>
    <message>
        <source>e.g. สมศรี ใจดี</source>
        <translation>เช่น สมศรี ใจดี</translation>
    </message>
    <message>
        <source>e.g. Somsri Jaidee</source>
        <translation>เช่น Somsri Jaidee</translation>
    </message>
    <message>
        <source>e.g. 081-234-5678</source>
        <translation>เช่น 081-234-5678</translation>
    </message>
    <message>
        <source>day/month/year, e.g. 25/12/2533 or 25/12/1990</source>
        <translation>วัน/เดือน/ปี เช่น 25/12/2533 หรือ 25/12/1990</translation>
    </message>
    <message>
        <source>Communication preferences</source>
        <translation>การรับข่าวสาร</translation>
    </message>
    <message>
        <source>From</source>
        <translation>ตั้งแต่</translation>
    </message>
    <message>
        <source>to</source>
        <translation>ถึง</translation>
    </message>
    <message>
        <source>Opted out: send no messages at all</source>
        <translation>ไม่รับข้อความใด ๆ ทั้งสิ้น</translation>
    </message>
    <message>
        <source>PDPA consent</source>
        <translation>ความยินยอม PDPA</translation>
    </message>
    <message>
        <source>Tick what the customer agreed to. Untick to record a withdrawal.</source>
        <translation>เลือกรายการที่ลูกค้ายินยอม เอาเครื่องหมายออกเพื่อบันทึกการถอนความยินยอม</translation>
    </message>
    <message>
        <source>Open existing customer</source>
        <translation>เปิดข้อมูลลูกค้าที่มีอยู่</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>CustomerLabels</name>
    <message>
        <source>Not specified</source>
        <translation>ไม่ระบุ</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>หญิง</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>ชาย</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>อื่น ๆ</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>LINE</source>
        <translation>LINE</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>In-app</source>
        <translation>ในแอป</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>โทรศัพท์</translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>ชื่อเล่น</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <source>Referral code</source>
        <translation>รหัสแนะนำเพื่อน</translation>
    </message>
</context>
<context>
    <name>CustomerScreen</name>
    <message>
        <source>No customer matches “{text}”. Press Ctrl+N to register one.</source>
        <translation>ไม่พบลูกค้าที่ตรงกับ “{text}” กด Ctrl+N เพื่อลงทะเบียนลูกค้าใหม่</translation>
    </message>
    <message>
        <source>Name, nickname, phone or referral code</source>
        <translation>ชื่อ ชื่อเล่น เบอร์โทร หรือรหัสแนะนำเพื่อน</translation>
    </message>
    <message>
        <source>Already checked in</source>
        <translation>เช็กอินไปแล้ว</translation>
    </message>
    <message>
        <source>{name} was already checked in today at {time}. Check in again?</source>
        <translation>{name} เช็กอินไปแล้ววันนี้ เวลา {time} น. ต้องการเช็กอินอีกครั้งหรือไม่?</translation>
    </message>
    <message>
        <source>Check in again</source>
        <translation>เช็กอินอีกครั้ง</translation>
    </message>
    <message>
        <source>Don&apos;t check in</source>
        <translation>ไม่เช็กอิน</translation>
    </message>
    <message>
        <source>Register new…</source>
        <translation>ลงทะเบียนใหม่…</translation>
    </message>
    <message>
        <source>Register a new customer (Ctrl+N)</source>
        <translation>ลงทะเบียนลูกค้าใหม่ (Ctrl+N)</translation>
    </message>
    <message>
        <source>Recently changed first · {count} shown</source>
        <translation>เรียงตามที่แก้ไขล่าสุด · แสดง {count} รายการ</translation>
    </message>
    <message>
        <source>Best match first · the first {count} shown; type more to narrow</source>
        <translation>เรียงตามความตรงกัน · แสดง {count} รายการแรก พิมพ์เพิ่มเพื่อให้แคบลง</translation>
    </message>
    <message>
        <source>Best match first · {count} found</source>
        <translation>เรียงตามความตรงกัน · พบ {count} รายการ</translation>
    </message>
</context>
<context>
    <name>DayView</name>
    <message>
        <source>{start}–{end} {customer} · {treatment} · {other}</source>
        <translation>{start}–{end} {customer} · {treatment} · {other}</translation>
    </message>
    <message>
        <source>{appointment} (no-show)</source>
        <translation>{appointment} (ไม่มาตามนัด)</translation>
    </message>
    <message>
        <source>By beautician</source>
        <translation>ตามช่างเสริมสวย</translation>
    </message>
    <message>
        <source>By room</source>
        <translation>ตามห้อง</translation>
    </message>
    <message>
        <source>Next free slot</source>
        <translation>หาช่วงว่างถัดไป</translation>
    </message>
    <message>
        <source>Book…</source>
        <translation>จองนัด…</translation>
    </message>
    <message>
        <source>Cancel appointment</source>
        <translation>ยกเลิกนัด</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>ไม่มาตามนัด</translation>
    </message>
    <message>
        <source>Rooms and hours…</source>
        <translation>ห้องและเวลาทำการ…</translation>
    </message>
    <message>
        <source>Any beautician</source>
        <translation>ช่างคนใดก็ได้</translation>
    </message>
    <message>
        <source>The branch is closed on this day.</source>
        <translation>สาขาปิดทำการในวันนี้</translation>
    </message>
    <message>
        <source>{treatment} ({minutes} min)</source>
        <translation>{treatment} ({minutes} นาที)</translation>
    </message>
    <message>
        <source>Choose a treatment with a duration first.</source>
        <translation>กรุณาเลือกทรีตเมนต์ที่กำหนดระยะเวลาไว้ก่อน</translation>
    </message>
    <message>
        <source>No free slot in the next 60 days.</source>
        <translation>ไม่มีช่วงว่างภายใน 60 วันข้างหน้า</translation>
    </message>
    <message>
        <source>Next free slot: {when}, {beautician}, {room}</source>
        <translation>ช่วงว่างถัดไป: {when} {beautician} {room}</translation>
    </message>
    <message>
        <source>Booking for {customer}&apos;s journey: choose a free slot, then Book….</source>
        <translation>กำลังนัดให้เคสของ {customer}: เลือกช่องเวลาว่าง แล้วกด จองนัด…</translation>
    </message>
    <message>
        <source>Appointment booked; {customer}&apos;s journey is scheduled.</source>
        <translation>จองนัดแล้ว เคสของ {customer} อยู่ในขั้นนัดทรีตเมนต์</translation>
    </message>
    <message>
        <source>Appointment booked.</source>
        <translation>จองนัดแล้ว</translation>
    </message>
    <message>
        <source>Cancelled late: recorded as a late cancellation.</source>
        <translation>ยกเลิกกระชั้นชิด บันทึกเป็นการยกเลิกล่าช้า</translation>
    </message>
    <message>
        <source>Appointment cancelled.</source>
        <translation>ยกเลิกนัดแล้ว</translation>
    </message>
    <message>
        <source>Recorded as a no-show.</source>
        <translation>บันทึกว่าไม่มาตามนัดแล้ว</translation>
    </message>
    <message>
        <source>Moving {customer}: double-click a free slot</source>
        <translation>กำลังย้ายนัดของ {customer}: ดับเบิลคลิกช่วงที่ว่าง</translation>
    </message>
    <message>
        <source>Appointment moved.</source>
        <translation>ย้ายนัดแล้ว</translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <source>Not signed in</source>
        <translation>ยังไม่ได้เข้าสู่ระบบ</translation>
    </message>
    <message>
        <source>Signed in: {name} ({role})</source>
        <translation>ผู้ใช้: {name} ({role})</translation>
    </message>
</context>
<context>
    <name>EarningTab</name>
    <message>
        <source>Points earned</source>
        <translation>การให้แต้ม</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>ระดับสมาชิก</translation>
    </message>
    <message>
        <source>Members qualify for a tier on</source>
        <translation>นับระดับสมาชิกจาก</translation>
    </message>
    <message>
        <source>Purchases: 1 point per</source>
        <translation>ซื้อสินค้าและบริการ: 1 แต้มต่อ</translation>
    </message>
    <message>
        <source>Welcome (on registration)</source>
        <translation>แต้มต้อนรับ (เมื่อสมัครสมาชิก)</translation>
    </message>
    <message>
        <source>Check-in (once a day)</source>
        <translation>เช็กอิน (วันละครั้ง)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>เขียนรีวิว</translation>
    </message>
    <message>
        <source>Referral (to the referrer)</source>
        <translation>แนะนำเพื่อน (ให้ผู้แนะนำ)</translation>
    </message>
    <message>
        <source>Birthday (once a year)</source>
        <translation>วันเกิด (ปีละครั้ง)</translation>
    </message>
    <message>
        <source> points</source>
        <translation> แต้ม</translation>
    </message>
    <message>
        <source>Add tier</source>
        <translation>เพิ่มระดับ</translation>
    </message>
    <message>
        <source>Remove tier</source>
        <translation>ลบระดับ</translation>
    </message>
    <message>
        <source>Lifetime points (a tier falls only when a refund takes its points back)</source>
        <translation>แต้มสะสมทั้งหมด (ระดับลดลงเฉพาะเมื่อคืนเงินแล้วหักแต้มคืน)</translation>
    </message>
    <message>
        <source>Points of the last 12 months (a tier can fall, at the end of a month)</source>
        <translation>แต้มใน 12 เดือนล่าสุด (ระดับลดลงได้ เมื่อสิ้นเดือน)</translation>
    </message>
    <message>
        <source>Save earning and tiers</source>
        <translation>บันทึกการให้แต้มและระดับ</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <source>Connect to the clinic server</source>
        <translation>เชื่อมต่อเซิร์ฟเวอร์คลินิก</translation>
    </message>
    <message>
        <source>This terminal is new. Type the clinic server&apos;s address and the one-time enrollment code the owner created (bnaura server enroll-code). The clinic&apos;s staff, catalog and customers then arrive by themselves. To start a new clinic without a server instead, run: bnaura init</source>
        <translation>เครื่องนี้ยังใหม่ กรอกที่อยู่เซิร์ฟเวอร์คลินิกและรหัสลงทะเบียนแบบใช้ครั้งเดียวที่เจ้าของคลินิกสร้างไว้ (bnaura server enroll-code) แล้วข้อมูลพนักงาน รายการสินค้าและบริการ และลูกค้าของคลินิกจะมาเอง หากต้องการเริ่มคลินิกใหม่โดยไม่มีเซิร์ฟเวอร์ ให้ใช้คำสั่ง: bnaura init</translation>
    </message>
    <message>
        <source>Connect this terminal to the clinic server: type its address and the one-time enrollment code the owner created. What was done here offline is sent once it is connected.</source>
        <translation>เชื่อมต่อเครื่องนี้กับเซิร์ฟเวอร์คลินิก: กรอกที่อยู่เซิร์ฟเวอร์และรหัสลงทะเบียนแบบใช้ครั้งเดียวที่เจ้าของคลินิกสร้างไว้ งานที่ทำบนเครื่องนี้ระหว่างออฟไลน์จะถูกส่งเมื่อเชื่อมต่อแล้ว</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>ที่อยู่เซิร์ฟเวอร์</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>รหัสลงทะเบียน</translation>
    </message>
    <message>
        <source>Terminal name</source>
        <translation>ชื่อเครื่อง</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>กำลังเชื่อมต่อเซิร์ฟเวอร์…</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>เชื่อมต่อ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>ExceptionsScreen</name>
    <message>
        <source>Open</source>
        <translation>ยังไม่จัดการ</translation>
    </message>
    <message>
        <source>Resolved {time} by {name}: {note}</source>
        <translation>จัดการแล้ว {time} น. โดย {name}: {note}</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>เกิดเมื่อ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>เกิดอะไรขึ้น</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>เครื่อง</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>{count} changes from the clinic server are kept on this terminal without being used: this version of the app cannot store them. First: {first}. Update this terminal; they are applied after the update.</source>
        <translation>มี {count} รายการจากเซิร์ฟเวอร์คลินิกที่เก็บไว้ในเครื่องนี้โดยยังไม่ได้ใช้ เพราะโปรแกรมเวอร์ชันนี้บันทึกไม่ได้ รายการแรก: {first} กรุณาอัปเดตเครื่องนี้ รายการเหล่านี้จะถูกนำไปใช้หลังอัปเดต</translation>
    </message>
    <message>
        <source>{count} operations of this terminal wait: the server refuses operation #{seq} ({reason}). Update the server or this terminal; nothing is lost meanwhile.</source>
        <translation>มี {count} รายการของเครื่องนี้รอส่ง: เซิร์ฟเวอร์ไม่รับรายการที่ #{seq} ({reason}) กรุณาอัปเดตเซิร์ฟเวอร์หรือเครื่องนี้ ระหว่างนี้ข้อมูลจะไม่สูญหาย</translation>
    </message>
    <message>
        <source>Only a manager or the owner can resolve exceptions</source>
        <translation>เฉพาะผู้จัดการหรือเจ้าของคลินิกเท่านั้นที่จัดการรายการผิดปกติได้</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>จัดการแล้ว</translation>
    </message>
    <message>
        <source>All</source>
        <translation>ทั้งหมด</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>ทุกประเภท</translation>
    </message>
    <message>
        <source>Mark resolved…</source>
        <translation>บันทึกว่าจัดการแล้ว…</translation>
    </message>
    <message>
        <source>No exceptions here: sync settled everything by itself.</source>
        <translation>ไม่มีรายการผิดปกติ: การซิงก์จัดการทุกอย่างเรียบร้อยแล้ว</translation>
    </message>
    <message>
        <source>{name} (deleted)</source>
        <translation>{name} (ถูกลบแล้ว)</translation>
    </message>
    <message>
        <source>{entity} of {name}</source>
        <translation>{entity}ของ{name}</translation>
    </message>
    <message>
        <source>{entity} {name}</source>
        <translation>{entity} {name}</translation>
    </message>
    <message>
        <source>{customer} {start}–{end}</source>
        <translation>{customer} {start}–{end}</translation>
    </message>
    <message>
        <source>{subject}: lost fields {fields}</source>
        <translation>{subject}: ฟิลด์ที่แก้ไม่ได้บันทึก {fields}</translation>
    </message>
    <message>
        <source>{field} {kept} (not {refused})</source>
        <translation>{field} {kept} (ไม่ใช่ {refused})</translation>
    </message>
    <message>
        <source>{subject}: kept {changes}</source>
        <translation>{subject}: ใช้ค่า {changes}</translation>
    </message>
    <message>
        <source>{subject}: booked twice offline, both stand ({appointments}); move one of them</source>
        <translation>{subject}: ถูกจองซ้อนระหว่างออฟไลน์ ทั้งสองนัดยังคงอยู่ ({appointments}) กรุณาย้ายนัดใดนัดหนึ่ง</translation>
    </message>
    <message>
        <source>{subject}: clock {sent} kept as {kept}</source>
        <translation>{subject}: เวลาเครื่อง {sent} ถูกปรับเป็น {kept}</translation>
    </message>
    <message>
        <source>{subject}: {why}</source>
        <translation>{subject}: {why}</translation>
    </message>
    <message>
        <source>Terminal …{tag}</source>
        <translation>เครื่อง …{tag}</translation>
    </message>
    <message>
        <source>{name} (this terminal)</source>
        <translation>{name} (เครื่องนี้)</translation>
    </message>
    <message>
        <source>terminal {device}, operation #{seq}</source>
        <translation>เครื่อง {device} รายการที่ #{seq}</translation>
    </message>
    <message>
        <source>{kind}: {subject} ({problem})</source>
        <translation>{kind}: {subject} ({problem})</translation>
    </message>
    <message>
        <source>{kind}: {subject}</source>
        <translation>{kind}: {subject}</translation>
    </message>
</context>
<context>
    <name>FullInvoiceButton</name>
    <message>
        <source>Full tax invoice…</source>
        <translation>ใบกำกับภาษีเต็มรูป…</translation>
    </message>
    <message>
        <source>Issue a full tax invoice in the buyer&apos;s name, replacing a receipt ({key})</source>
        <translation>ออกใบกำกับภาษีเต็มรูปในชื่อผู้ซื้อ แทนใบเสร็จ ({key})</translation>
    </message>
</context>
<context>
    <name>FullInvoiceDialog</name>
    <message>
        <source>Enter the receipt&apos;s number (on the receipt, under the date)</source>
        <translation>กรอกเลขที่ใบเสร็จ (อยู่ใต้วันที่บนใบเสร็จ)</translation>
    </message>
    <message>
        <source>Full tax invoice</source>
        <translation>ใบกำกับภาษีเต็มรูป</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>เลขที่ใบเสร็จ</translation>
    </message>
    <message>
        <source>Buyer&apos;s name</source>
        <translation>ชื่อผู้ซื้อ</translation>
    </message>
    <message>
        <source>Tax id (13 digits)</source>
        <translation>เลขประจำตัวผู้เสียภาษี (13 หลัก)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>ที่อยู่</translation>
    </message>
    <message>
        <source>Establishment</source>
        <translation>สำนักงานใหญ่/สาขา</translation>
    </message>
    <message>
        <source>e.g. R00000-K7QM-000123</source>
        <translation>เช่น R00000-K7QM-000123</translation>
    </message>
    <message>
        <source>a person or a company, as on their documents</source>
        <translation>บุคคลหรือบริษัท ตามเอกสารของผู้ซื้อ</translation>
    </message>
    <message>
        <source>สำนักงานใหญ่ or a branch number such as 00001; empty for a person</source>
        <translation>สำนักงานใหญ่ หรือเลขที่สาขา เช่น 00001 เว้นว่างสำหรับบุคคลธรรมดา</translation>
    </message>
    <message>
        <source>Issue and open the PDF</source>
        <translation>ออกใบกำกับภาษีและเปิด PDF</translation>
    </message>
    <message>
        <source>Print a copy (F8)</source>
        <translation>พิมพ์สำเนา (F8)</translation>
    </message>
    <message>
        <source>A copy, marked สำเนา / COPY, of the invoice that replaced this receipt</source>
        <translation>สำเนา (ประทับ สำเนา / COPY) ของใบกำกับภาษีเต็มรูปที่ออกแทนใบเสร็จนี้</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>ItemFinder</name>
    <message>
        <source>Nothing in the catalog matches {text}</source>
        <translation>ไม่พบสินค้าหรือบริการที่ตรงกับ {text}</translation>
    </message>
    <message>
        <source>Scan a barcode, or type a name or SKU and Enter (F2)</source>
        <translation>สแกนบาร์โค้ด หรือพิมพ์ชื่อหรือรหัสสินค้าแล้วกด Enter (F2)</translation>
    </message>
    <message>
        <source>3* before a code adds three. Favourites: Ctrl+1 to Ctrl+9. In the cart: + and − change the quantity, Delete removes, F9 gives a discount.</source>
        <translation>พิมพ์ 3* หน้ารหัสเพื่อเพิ่ม 3 ชิ้น · รายการโปรด: Ctrl+1 ถึง Ctrl+9 · ในตะกร้า: + และ − เปลี่ยนจำนวน Delete ลบรายการ F9 ให้ส่วนลด</translation>
    </message>
</context>
<context>
    <name>Journeys</name>
    <message>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <source>Why does {customer}&apos;s journey move to {stage}?</source>
        <translation>ทำไมเคสของ{customer}จึงย้ายไปที่ {stage}</translation>
    </message>
    <message>
        <source>{stage} ({count})</source>
        <translation>{stage} ({count})</translation>
    </message>
    <message>
        <source>{count} overdue</source>
        <translation>เกินเวลา {count}</translation>
    </message>
    <message>
        <source>Every owner</source>
        <translation>ผู้ดูแลทุกคน</translation>
    </message>
    <message>
        <source>Every beautician</source>
        <translation>ช่างเสริมสวยทุกคน</translation>
    </message>
    <message>
        <source>Any day</source>
        <translation>ทุกวัน</translation>
    </message>
    <message>
        <source>Customer name or phone</source>
        <translation>ชื่อหรือเบอร์โทรลูกค้า</translation>
    </message>
    <message>
        <source>New journey…</source>
        <translation>เปิดเคสใหม่…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Skin scans…</source>
        <translation>สแกนผิว…</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>ผู้ดูแล</translation>
    </message>
    <message>
        <source>Beautician</source>
        <translation>ช่างเสริมสวย</translation>
    </message>
    <message>
        <source>Opened since</source>
        <translation>เปิดเคสตั้งแต่</translation>
    </message>
    <message>
        <source>Drag a card to another stage, or Ctrl+→ / Ctrl+← to move the selected card; Enter opens its history.</source>
        <translation>ลากการ์ดไปยังขั้นอื่น หรือกด Ctrl+→ / Ctrl+← เพื่อเลื่อนการ์ดที่เลือก กด Enter เพื่อดูประวัติ</translation>
    </message>
    <message>
        <source>History of {customer}&apos;s journey</source>
        <translation>ประวัติเคสของ{customer}</translation>
    </message>
    <message>
        <source>Opened; not moved yet.</source>
        <translation>เปิดเคสแล้ว ยังไม่ได้เลื่อนขั้น</translation>
    </message>
    <message>
        <source>{when}: {from_stage} → {to_stage}, by {who}</source>
        <translation>{when}: {from_stage} → {to_stage} โดย {who}</translation>
    </message>
    <message>
        <source>Approved by {manager}</source>
        <translation>อนุมัติโดย {manager}</translation>
    </message>
    <message>
        <source>Reason: {note}</source>
        <translation>เหตุผล: {note}</translation>
    </message>
    <message>
        <source>Not counted: another terminal moved this journey first</source>
        <translation>ไม่นับ: เครื่องอื่นเลื่อนเคสนี้ไปก่อนแล้ว</translation>
    </message>
    <message>
        <source>Journey opened.</source>
        <translation>เปิดเคสแล้ว</translation>
    </message>
    <message>
        <source>Select a card first.</source>
        <translation>กรุณาเลือกการ์ดก่อน</translation>
    </message>
    <message>
        <source>{customer}: moved to {stage}.</source>
        <translation>{customer}: เลื่อนไปที่ {stage} แล้ว</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} นาที</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} ชม.</translation>
    </message>
    <message>
        <source>{days} d {hours} h</source>
        <translation>{days} วัน {hours} ชม.</translation>
    </message>
    <message>
        <source>{customer} · {tier}</source>
        <translation>{customer} · {tier}</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>ไม่มีผู้ดูแล</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>เกินเวลา</translation>
    </message>
    <message>
        <source>New journey</source>
        <translation>เปิดเคสใหม่</translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <translation>ยังไม่ได้เลือก</translation>
    </message>
    <message>
        <source>e.g. melasma on both cheeks</source>
        <translation>เช่น ฝ้าแก้มสองข้าง</translation>
    </message>
    <message>
        <source>Open journey</source>
        <translation>เปิดเคส</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>ลูกค้า</translation>
    </message>
    <message>
        <source>Interested in</source>
        <translation>สนใจ</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>หัวข้อ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <source>Find and choose the customer first.</source>
        <translation>ค้นหาและเลือกลูกค้าก่อน</translation>
    </message>
    <message>
        <source>Proposal…</source>
        <translation>ใบเสนอ…</translation>
    </message>
    <message>
        <source>Open at POS</source>
        <translation>เปิดที่หน้าขาย</translation>
    </message>
    <message>
        <source>Book treatment…</source>
        <translation>นัดทรีตเมนต์…</translation>
    </message>
    <message>
        <source>Proposal saved for {customer}.</source>
        <translation>บันทึกใบเสนอของ {customer} แล้ว</translation>
    </message>
</context>
<context>
    <name>LineDiscountDialog</name>
    <message>
        <source>Say why it is discounted</source>
        <translation>โปรดระบุเหตุผลของส่วนลด</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>ส่วนลดรายการ</translation>
    </message>
    <message>
        <source>Discount on {item} ({amount})</source>
        <translation>ส่วนลดของ {item} ({amount})</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>เปอร์เซ็นต์</translation>
    </message>
    <message>
        <source>Amount (฿)</source>
        <translation>จำนวนเงิน (฿)</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>ส่วนลด</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>ใช้ส่วนลด</translation>
    </message>
    <message>
        <source>No discount</source>
        <translation>ไม่ให้ส่วนลด</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Choose your name first</source>
        <translation>เลือกชื่อของคุณก่อน</translation>
    </message>
    <message>
        <source>Type your PIN</source>
        <translation>ใส่ PIN ของคุณ</translation>
    </message>
    <message>
        <source>Who is at the counter? Choose your name and type your PIN.</source>
        <translation>ใครกำลังใช้งานเครื่องนี้ เลือกชื่อของคุณแล้วใส่ PIN</translation>
    </message>
    <message>
        <source>No staff on this terminal yet. The clinic owner adds staff with the bnaura command.</source>
        <translation>ยังไม่มีพนักงานในเครื่องนี้ เจ้าของคลินิกเพิ่มพนักงานได้ด้วยคำสั่ง bnaura</translation>
    </message>
    <message>
        <source>Choose your name</source>
        <translation>เลือกชื่อของคุณ</translation>
    </message>
    <message>
        <source>PIN for {name}</source>
        <translation>PIN ของ {name}</translation>
    </message>
</context>
<context>
    <name>LoyaltyPanel</name>
    <message>
        <source>Save the member card</source>
        <translation>บันทึกบัตรสมาชิก</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>ไฟล์ PDF (*.pdf)</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} แต้ม</translation>
    </message>
    <message>
        <source>Highest tier reached</source>
        <translation>อยู่ในระดับสูงสุดแล้ว</translation>
    </message>
    <message>
        <source>{points} more points to {tier}</source>
        <translation>อีก {points} แต้ม จะได้เป็นระดับ{tier}</translation>
    </message>
    <message>
        <source>Earned in the last 12 months: {points} points</source>
        <translation>สะสมใน 12 เดือนที่ผ่านมา {points} แต้ม</translation>
    </message>
    <message>
        <source>Earned since joining: {points} points</source>
        <translation>สะสมตั้งแต่เป็นสมาชิก {points} แต้ม</translation>
    </message>
    <message>
        <source>{points} points expire by {date}</source>
        <translation>{points} แต้มจะหมดอายุภายใน {date}</translation>
    </message>
    <message>
        <source>No points expire by {date}</source>
        <translation>ไม่มีแต้มหมดอายุภายใน {date}</translation>
    </message>
    <message>
        <source>The balance is below zero: rewards can be redeemed once it is positive again</source>
        <translation>แต้มคงเหลือติดลบ แลกของรางวัลได้อีกครั้งเมื่อแต้มกลับเป็นบวก</translation>
    </message>
    <message>
        <source>Member QR: scan it into the customer search to open this member</source>
        <translation>QR สมาชิก: สแกนเข้าช่องค้นหาลูกค้าเพื่อเปิดข้อมูลสมาชิกคนนี้</translation>
    </message>
    <message>
        <source>No points yet</source>
        <translation>ยังไม่มีแต้ม</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>สะสมแต้ม</translation>
    </message>
    <message>
        <source>Referral code</source>
        <translation>รหัสแนะนำเพื่อน</translation>
    </message>
    <message>
        <source>Adjust points…</source>
        <translation>ปรับแต้ม…</translation>
    </message>
    <message>
        <source>Member card (PDF)…</source>
        <translation>บัตรสมาชิก (PDF)…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>ประวัติแต้ม</translation>
    </message>
</context>
<context>
    <name>LoyaltyProgramDialog</name>
    <message>
        <source>Loyalty program</source>
        <translation>โปรแกรมสะสมแต้ม</translation>
    </message>
    <message>
        <source>The chain&apos;s loyalty program, the same at every branch. Changes apply from the next award; points already earned stay as they are.</source>
        <translation>โปรแกรมสะสมแต้มของเครือ ใช้เหมือนกันทุกสาขา การเปลี่ยนแปลงมีผลตั้งแต่การให้แต้มครั้งถัดไป แต้มที่สมาชิกได้รับไปแล้วยังคงเดิม</translation>
    </message>
    <message>
        <source>Earning and tiers</source>
        <translation>การให้แต้มและระดับสมาชิก</translation>
    </message>
    <message>
        <source>Rewards</source>
        <translation>ของรางวัล</translation>
    </message>
    <message>
        <source>Achievements</source>
        <translation>ความสำเร็จ</translation>
    </message>
    <message>
        <source>Coupon campaigns</source>
        <translation>แคมเปญคูปอง</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
</context>
<context>
    <name>LoyaltyRewardsSection</name>
    <message>
        <source>Rewards</source>
        <translation>ของรางวัล</translation>
    </message>
    <message>
        <source>Redemption screen…</source>
        <translation>หน้าแลกรางวัล…</translation>
    </message>
    <message>
        <source>Open the redemption screen for this member: coupons, code check</source>
        <translation>เปิดหน้าแลกรางวัลของสมาชิกท่านนี้: คูปองและการตรวจรหัสคูปอง</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>BN-Aura Desk</source>
        <translation>BN-Aura Desk</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>เปลี่ยนผู้ใช้</translation>
    </message>
    <message>
        <source>Switch user (Ctrl+L)</source>
        <translation>เปลี่ยนผู้ใช้ (Ctrl+L)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>ออกจากโปรแกรม</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>ซิงก์เดี๋ยวนี้</translation>
    </message>
    <message>
        <source>Connect to clinic server…</source>
        <translation>เชื่อมต่อเซิร์ฟเวอร์คลินิก…</translation>
    </message>
    <message>
        <source>Where staff may sign in…</source>
        <translation>สาขาที่พนักงานเข้าสู่ระบบได้…</translation>
    </message>
    <message>
        <source>Loyalty program…</source>
        <translation>โปรแกรมสะสมแต้ม…</translation>
    </message>
    <message>
        <source>Automation rules…</source>
        <translation>กฎงานอัตโนมัติ…</translation>
    </message>
    <message>
        <source>Consent form text…</source>
        <translation>ข้อความหนังสือยินยอม…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>ภาษา</translation>
    </message>
</context>
<context>
    <name>MemberCard</name>
    <message>
        <source>Member code</source>
        <translation>รหัสสมาชิก</translation>
    </message>
    <message>
        <source>Show this card at the counter</source>
        <translation>แสดงบัตรนี้ที่เคาน์เตอร์</translation>
    </message>
</context>
<context>
    <name>MemberPicker</name>
    <message>
        <source>Walk-in customer (no member)</source>
        <translation>ลูกค้าทั่วไป (ไม่ใช่สมาชิก)</translation>
    </message>
    <message>
        <source>{tier} · {percent} % off · {points} points</source>
        <translation>{tier} · ลด {percent} % · {points} แต้ม</translation>
    </message>
    <message>
        <source>Pay balance {amount} (overdue since {date})…</source>
        <translation>ชำระยอดค้าง {amount} (เลยกำหนดตั้งแต่ {date})…</translation>
    </message>
    <message>
        <source>Pay balance {amount} (due {date})…</source>
        <translation>ชำระยอดค้าง {amount} (ครบกำหนด {date})…</translation>
    </message>
    <message>
        <source>Member: phone, name or QR (F3)</source>
        <translation>สมาชิก: เบอร์ ชื่อ หรือ QR (F3)</translation>
    </message>
    <message>
        <source>Type a phone number, a name or a member code, or scan the member&apos;s QR</source>
        <translation>พิมพ์เบอร์โทร ชื่อ หรือรหัสสมาชิก หรือสแกน QR ของสมาชิก</translation>
    </message>
    <message>
        <source>No member</source>
        <translation>ไม่ระบุสมาชิก</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Customers</source>
        <translation>ลูกค้า</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>สินค้าและบริการ</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>รายการผิดปกติ</translation>
    </message>
    <message>
        <source>Rewards &amp; coupons</source>
        <translation>แลกรางวัลและคูปอง</translation>
    </message>
    <message>
        <source>POS</source>
        <translation>ขายหน้าร้าน</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>นัดหมาย</translation>
    </message>
    <message>
        <source>Journeys</source>
        <translation>เคสลูกค้า</translation>
    </message>
    <message>
        <source>Task queue</source>
        <translation>คิวงาน</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <source>Open shift</source>
        <translation>เปิดกะ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Count the cash you put in the drawer to start with (the float).</source>
        <translation>นับเงินสดที่ใส่ลิ้นชักไว้ตั้งต้น (เงินทอนตั้งต้น)</translation>
    </message>
    <message>
        <source>Float (฿)</source>
        <translation>เงินทอนตั้งต้น (฿)</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Choose the manager who approves</source>
        <translation>เลือกผู้จัดการที่จะอนุมัติ</translation>
    </message>
    <message>
        <source>Type the manager&apos;s PIN</source>
        <translation>ใส่ PIN ของผู้จัดการ</translation>
    </message>
    <message>
        <source>No manager on this terminal may approve this.</source>
        <translation>ไม่มีผู้จัดการในเครื่องนี้ที่อนุมัติรายการนี้ได้</translation>
    </message>
    <message>
        <source>Manager approval</source>
        <translation>การอนุมัติของผู้จัดการ</translation>
    </message>
    <message>
        <source>A manager&apos;s approval is needed</source>
        <translation>ต้องให้ผู้จัดการอนุมัติ</translation>
    </message>
    <message>
        <source>{user} may not {action} alone. A manager chooses their name and types their PIN to approve this once.</source>
        <translation>{user} ไม่มีสิทธิ์{action}ด้วยตนเอง ให้ผู้จัดการเลือกชื่อของตนและใส่ PIN เพื่ออนุมัติครั้งนี้</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>อนุมัติ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>{method} {amount} (received {received}, change {change})</source>
        <translation>{method} {amount} (รับ {received} ทอน {change})</translation>
    </message>
    <message>
        <source>The customer scans the QR with their banking app and pays {amount} to PromptPay {target}. When the payment shows as received, press Enter.</source>
        <translation>ให้ลูกค้าสแกน QR ด้วยแอปธนาคารและชำระ {amount} เข้าพร้อมเพย์ {target} เมื่อเห็นว่าได้รับเงินแล้ว กด Enter</translation>
    </message>
    <message>
        <source>The sale is covered: press Enter to confirm</source>
        <translation>ชำระครบแล้ว: กด Enter เพื่อยืนยัน</translation>
    </message>
    <message>
        <source>{remaining} still to pay: take the next payment</source>
        <translation>ยังต้องชำระอีก {remaining}: รับชำระรายการถัดไป</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>ชำระเงิน</translation>
    </message>
    <message>
        <source>Pay the balance</source>
        <translation>ชำระยอดค้าง</translation>
    </message>
    <message>
        <source>Total due</source>
        <translation>ยอดที่ต้องชำระ</translation>
    </message>
    <message>
        <source>Balance outstanding</source>
        <translation>ยอดค้างชำระ</translation>
    </message>
    <message>
        <source>Still to pay</source>
        <translation>คงเหลือ</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>รับเงินสด</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>พอดี</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>เงินทอน</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>จำนวนเงิน</translation>
    </message>
    <message>
        <source>Approval code</source>
        <translation>รหัสอนุมัติ</translation>
    </message>
    <message>
        <source>Card&apos;s last 4 digits</source>
        <translation>เลขท้ายบัตร 4 หลัก</translation>
    </message>
    <message>
        <source>Transfer reference</source>
        <translation>เลขอ้างอิงการโอน</translation>
    </message>
    <message>
        <source>Set the PromptPay id…</source>
        <translation>ตั้งหมายเลขพร้อมเพย์…</translation>
    </message>
    <message>
        <source>Pay part of the balance (Ctrl+D)</source>
        <translation>ชำระยอดค้างบางส่วน (Ctrl+D)</translation>
    </message>
    <message>
        <source>Deposit (Ctrl+D): the rest is due on</source>
        <translation>มัดจำ (Ctrl+D): ชำระส่วนที่เหลือภายในวันที่</translation>
    </message>
    <message>
        <source>Add payment</source>
        <translation>เพิ่มการชำระ</translation>
    </message>
    <message>
        <source>Confirm (Enter)</source>
        <translation>ยืนยัน (Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Skin scan image</source>
        <translation>ภาพสแกนผิว</translation>
    </message>
    <message>
        <source>{kind} · {taken}</source>
        <translation>{kind} · {taken}</translation>
    </message>
    <message>
        <source>Not on this PC yet: fetching it from the clinic server…</source>
        <translation>ยังไม่มีในเครื่องนี้: กำลังดึงจากเซิร์ฟเวอร์ของคลินิก…</translation>
    </message>
    <message>
        <source>This photo cannot be shown yet.
{reason}</source>
        <translation>ยังแสดงรูปนี้ไม่ได้
{reason}</translation>
    </message>
    <message>
        <source>No photos</source>
        <translation>ไม่มีรูป</translation>
    </message>
    <message>
        <source>Before | After ({at}/{count})</source>
        <translation>ก่อน | หลัง ({at}/{count})</translation>
    </message>
    <message>
        <source>{caption} ({at}/{count})</source>
        <translation>{caption} ({at}/{count})</translation>
    </message>
    <message>
        <source>{subject} — {what}</source>
        <translation>{subject} — {what}</translation>
    </message>
    <message>
        <source>{at} of {count}</source>
        <translation>{at} จาก {count}</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ ก่อนหน้า</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>ถัดไป ▶</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>ย่อ</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>ขยาย</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>พอดีหน้าต่าง</translation>
    </message>
    <message>
        <source>Before | After</source>
        <translation>ก่อน | หลัง</translation>
    </message>
    <message>
        <source>The before and after photos side by side</source>
        <translation>รูปก่อนทำและหลังทำเทียบกัน</translation>
    </message>
</context>
<context>
    <name>PinField</name>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>ตกลง</translation>
    </message>
</context>
<context>
    <name>PlaceholderScreen</name>
    <message>
        <source>The {screen} screen could not open. Please tell the clinic&apos;s IT support.</source>
        <translation>เปิดหน้าจอ{screen}ไม่ได้ กรุณาแจ้งฝ่ายไอทีของคลินิก</translation>
    </message>
    <message>
        <source>The {screen} screen is coming soon.</source>
        <translation>หน้าจอ{screen}จะพร้อมใช้งานเร็ว ๆ นี้</translation>
    </message>
</context>
<context>
    <name>PointsHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>What</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>แต้ม</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>หมดอายุ</translation>
    </message>
</context>
<context>
    <name>PromptPayIdDialog</name>
    <message>
        <source>PromptPay id</source>
        <translation>หมายเลขพร้อมเพย์</translation>
    </message>
    <message>
        <source>The PromptPay id the clinic is paid to: a mobile number, a 13-digit national or tax id, or an e-wallet id. Changing it needs the owner&apos;s approval.</source>
        <translation>หมายเลขพร้อมเพย์ที่คลินิกรับเงิน: เบอร์มือถือ เลขประจำตัวประชาชนหรือเลขผู้เสียภาษี 13 หลัก หรือเลข e-Wallet การเปลี่ยนต้องให้เจ้าของคลินิกอนุมัติ</translation>
    </message>
    <message>
        <source>e.g. 0105561234567</source>
        <translation>เช่น 0105561234567</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>The change was not approved</source>
        <translation>การเปลี่ยนแปลงไม่ได้รับการอนุมัติ</translation>
    </message>
</context>
<context>
    <name>ProposalDialog</name>
    <message>
        <source>Proposal</source>
        <translation>ใบเสนอ</translation>
    </message>
    <message>
        <source>Treatment plan for {customer}</source>
        <translation>แผนการรักษาของ {customer}</translation>
    </message>
    <message>
        <source>Find a treatment, package or product (name or SKU)</source>
        <translation>ค้นหาทรีตเมนต์ แพ็กเกจ หรือสินค้า (ชื่อหรือรหัส SKU)</translation>
    </message>
    <message>
        <source>Suggested by the scan</source>
        <translation>แนะนำจากผลสแกนผิว</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>จำนวน</translation>
    </message>
    <message>
        <source>Price (฿)</source>
        <translation>ราคา (฿)</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>จำนวนเงิน</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>ลบรายการ</translation>
    </message>
    <message>
        <source>Note for the customer or the team</source>
        <translation>หมายเหตุถึงลูกค้าหรือทีมงาน</translation>
    </message>
    <message>
        <source>Save proposal</source>
        <translation>บันทึกใบเสนอ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>{item} · {price} · because {reason}</source>
        <translation>{item} · {price} · เพราะ {reason}</translation>
    </message>
    <message>
        <source>Total {total}</source>
        <translation>รวม {total}</translation>
    </message>
</context>
<context>
    <name>ProposalPicker</name>
    <message>
        <source>{customer} · {total} · {items} · {when}</source>
        <translation>{customer} · {total} · {items} · {when}</translation>
    </message>
    <message>
        <source>Open a proposal</source>
        <translation>เปิดใบเสนอ</translation>
    </message>
    <message>
        <source>Customer or item</source>
        <translation>ชื่อลูกค้าหรือรายการ</translation>
    </message>
    <message>
        <source>Open at the POS</source>
        <translation>เปิดที่หน้าขาย</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>No proposal is waiting for payment at this branch.</source>
        <translation>ไม่มีใบเสนอที่รอชำระเงินที่สาขานี้</translation>
    </message>
</context>
<context>
    <name>PurchasesModel</name>
    <message>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>สาขา</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>ใบเสร็จ</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>ยอดรวม</translation>
    </message>
    <message>
        <source>Still to pay</source>
        <translation>ค้างชำระ</translation>
    </message>
    <message>
        <source>{item} (performed by {name})</source>
        <translation>{item} (ทำโดย {name})</translation>
    </message>
    <message>
        <source>{amount} overdue since {date}</source>
        <translation>{amount} เลยกำหนดตั้งแต่ {date}</translation>
    </message>
    <message>
        <source>{amount} by {date}</source>
        <translation>{amount} ภายใน {date}</translation>
    </message>
</context>
<context>
    <name>PurchasesPanel</name>
    <message>
        <source>Purchases</source>
        <translation>ประวัติการซื้อ</translation>
    </message>
    <message>
        <source>No purchases yet</source>
        <translation>ยังไม่มีประวัติการซื้อ</translation>
    </message>
    <message>
        <source>Pay balance… (F12)</source>
        <translation>ชำระยอดค้าง… (F12)</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>ตกลง</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>ปิด</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>ตกลง</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>ใช่</translation>
    </message>
    <message>
        <source>No</source>
        <translation>ไม่ใช่</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>ไม่บันทึก</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>ใช่</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>ไม่ใช่</translation>
    </message>
</context>
<context>
    <name>RedemptionScreen</name>
    <message>
        <source>No member chosen</source>
        <translation>ยังไม่ได้เลือกสมาชิก</translation>
    </message>
    <message>
        <source>Find the member: type a name or phone, or scan their member QR (F2)</source>
        <translation>ค้นหาสมาชิก: พิมพ์ชื่อหรือเบอร์โทร หรือสแกน QR สมาชิก (F2)</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} แต้ม</translation>
    </message>
    <message>
        <source>No coupons yet: a redeemed reward&apos;s coupon shows here</source>
        <translation>ยังไม่มีคูปอง คูปองจากการแลกของรางวัลจะแสดงที่นี่</translation>
    </message>
    <message>
        <source>Member: name, phone or scan the member QR (F2)</source>
        <translation>สมาชิก: ชื่อ เบอร์โทร หรือสแกน QR สมาชิก (F2)</translation>
    </message>
    <message>
        <source>Up/Down choose, Enter goes to the rewards</source>
        <translation>ลูกศรขึ้น/ลงเพื่อเลือก กด Enter ไปที่ของรางวัล</translation>
    </message>
    <message>
        <source>Coupon code (F3)</source>
        <translation>รหัสคูปอง (F3)</translation>
    </message>
    <message>
        <source>Type or scan a coupon code</source>
        <translation>พิมพ์หรือสแกนรหัสคูปอง</translation>
    </message>
    <message>
        <source>Rewards (F4; Enter redeems)</source>
        <translation>ของรางวัล (F4, กด Enter เพื่อแลก)</translation>
    </message>
    <message>
        <source>The member&apos;s coupons</source>
        <translation>คูปองของสมาชิก</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Sale voided: credit note {number}, {amount} back as paid</source>
        <translation>ยกเลิกบิลแล้ว: ใบลดหนี้ {number} คืน {amount} ตามวิธีที่ชำระมา</translation>
    </message>
    <message>
        <source>Refunded: credit note {number}, {amount} back ({method})</source>
        <translation>คืนเงินแล้ว: ใบลดหนี้ {number} คืน {amount} ({method})</translation>
    </message>
    <message>
        <source>{points} points taken back</source>
        <translation>หักแต้มคืน {points} แต้ม</translation>
    </message>
    <message>
        <source>Coupon given back: {code}</source>
        <translation>คูปองที่คืนให้ลูกค้า: {code}</translation>
    </message>
    <message>
        <source>Type or scan the receipt number, then press Enter.</source>
        <translation>พิมพ์หรือสแกนเลขที่ใบเสร็จ แล้วกด Enter</translation>
    </message>
    <message>
        <source>Receipt {number}</source>
        <translation>ใบเสร็จ {number}</translation>
    </message>
    <message>
        <source>total {total}, paid {paid}</source>
        <translation>ยอดรวม {total} ชำระแล้ว {paid}</translation>
    </message>
    <message>
        <source>refunded before {amount}</source>
        <translation>คืนไปแล้ว {amount}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Refund (F12)</source>
        <translation>คืนเงิน (F12)</translation>
    </message>
    <message>
        <source>Points taken back: {points}</source>
        <translation>แต้มที่หักคืน: {points}</translation>
    </message>
    <message>
        <source>A manager did not approve the refund</source>
        <translation>ผู้จัดการไม่ได้อนุมัติการคืนเงิน</translation>
    </message>
    <message>
        <source>Credit note saved: {file}</source>
        <translation>บันทึกใบลดหนี้แล้ว: {file}</translation>
    </message>
    <message>
        <source>The refund is saved, but its credit note was not made: {why}</source>
        <translation>บันทึกการคืนเงินแล้ว แต่ยังออกใบลดหนี้ไม่ได้: {why}</translation>
    </message>
    <message>
        <source>Refund or void a sale</source>
        <translation>คืนเงินหรือยกเลิกบิล</translation>
    </message>
    <message>
        <source>Choose how many of each line come back, give the reason, and refund. A sale of this shift on this terminal can be voided whole instead.</source>
        <translation>เลือกจำนวนที่คืนของแต่ละรายการ ระบุเหตุผล แล้วกดคืนเงิน บิลของกะนี้ที่ขายจากเครื่องนี้ยกเลิกทั้งบิลแทนได้</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>เลขที่ใบเสร็จ</translation>
    </message>
    <message>
        <source>Type or scan the receipt number (Ctrl+F)</source>
        <translation>พิมพ์หรือสแกนเลขที่ใบเสร็จ (Ctrl+F)</translation>
    </message>
    <message>
        <source>Whole sale (everything not refunded yet)</source>
        <translation>คืนทั้งบิล (ทุกรายการที่ยังไม่ได้คืน)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <source>Why the money goes back (required)</source>
        <translation>เหตุผลที่คืนเงิน (ต้องระบุ)</translation>
    </message>
    <message>
        <source>Give back by</source>
        <translation>คืนเงินทาง</translation>
    </message>
    <message>
        <source>Gives back</source>
        <translation>ยอดที่คืน</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Void sale (F8)</source>
        <translation>ยกเลิกบิล (F8)</translation>
    </message>
    <message>
        <source>Undo the whole sale: everything paid goes back the way it was paid</source>
        <translation>ยกเลิกทั้งบิล: คืนเงินทั้งหมดตามวิธีที่ชำระมา</translation>
    </message>
</context>
<context>
    <name>RefundLinesModel</name>
    <message>
        <source>{price} each; the line came to {net}</source>
        <translation>หน่วยละ {price} รายการนี้รวม {net}</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>ขาย</translation>
    </message>
    <message>
        <source>Refunded before</source>
        <translation>คืนแล้ว</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>คืน</translation>
    </message>
    <message>
        <source>Gives back (฿)</source>
        <translation>ยอดคืน (฿)</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Mark exception resolved</source>
        <translation>บันทึกว่าจัดการรายการผิดปกติแล้ว</translation>
    </message>
    <message>
        <source>What was done about it (kept in the audit log)</source>
        <translation>ได้จัดการอย่างไร (เก็บไว้ในบันทึกการตรวจสอบ)</translation>
    </message>
    <message>
        <source>Mark resolved</source>
        <translation>บันทึกว่าจัดการแล้ว</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>RewardForm</name>
    <message>
        <source>Edit reward</source>
        <translation>แก้ไขของรางวัล</translation>
    </message>
    <message>
        <source>Add reward</source>
        <translation>เพิ่มของรางวัล</translation>
    </message>
    <message>
        <source>Name (Thai)</source>
        <translation>ชื่อ (ภาษาไทย)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>ชื่อ (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>แต้มที่ใช้แลก</translation>
    </message>
    <message>
        <source>Gives</source>
        <translation>ได้รับ</translation>
    </message>
    <message>
        <source>Percent off</source>
        <translation>ส่วนลด (%)</translation>
    </message>
    <message>
        <source>Amount off (baht)</source>
        <translation>ส่วนลด (บาท)</translation>
    </message>
    <message>
        <source>Free item (SKU)</source>
        <translation>รายการฟรี (รหัสสินค้า)</translation>
    </message>
    <message>
        <source>Coupon valid (days)</source>
        <translation>คูปองใช้ได้ (วัน)</translation>
    </message>
    <message>
        <source>Minimum spend (baht)</source>
        <translation>ยอดซื้อขั้นต่ำ (บาท)</translation>
    </message>
    <message>
        <source>Offered to members</source>
        <translation>เปิดให้สมาชิกแลก</translation>
    </message>
    <message>
        <source>e.g. BASIC-FACIAL</source>
        <translation>เช่น BASIC-FACIAL</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>RewardRedeemer</name>
    <message>
        <source>Redeem a reward</source>
        <translation>แลกของรางวัล</translation>
    </message>
    <message>
        <source>Redeem “{reward}” for {name}?</source>
        <translation>แลก “{reward}” ให้ {name} ใช่ไหม</translation>
    </message>
    <message>
        <source>{cost} points are spent; the balance will be {after} points.</source>
        <translation>ใช้ {cost} แต้ม แต้มคงเหลือจะเป็น {after} แต้ม</translation>
    </message>
    <message>
        <source>Redeem</source>
        <translation>แลก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>RewardsModel</name>
    <message>
        <source>{days} days</source>
        <translation>{days} วัน</translation>
    </message>
    <message>
        <source>Not offered</source>
        <translation>งดแลก</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>แลกได้</translation>
    </message>
    <message>
        <source>Item not in the catalog</source>
        <translation>ไม่มีรายการนี้ในระบบ</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>ของรางวัล</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>แต้ม</translation>
    </message>
    <message>
        <source>Gives</source>
        <translation>ได้รับ</translation>
    </message>
    <message>
        <source>Coupon valid</source>
        <translation>คูปองใช้ได้</translation>
    </message>
    <message>
        <source>Minimum spend</source>
        <translation>ยอดซื้อขั้นต่ำ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Can redeem?</source>
        <translation>แลกได้ไหม</translation>
    </message>
    <message>
        <source>Not available now</source>
        <translation>ยังไม่พร้อมให้แลก</translation>
    </message>
    <message>
        <source>Blocked: the balance is below zero</source>
        <translation>งดแลก: แต้มคงเหลือติดลบ</translation>
    </message>
    <message>
        <source>{points} more points needed</source>
        <translation>ขาดอีก {points} แต้ม</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>ได้</translation>
    </message>
    <message>
        <source>Its coupon is valid {days} days from the day it is redeemed</source>
        <translation>คูปองใช้ได้ {days} วันนับจากวันที่แลก</translation>
    </message>
</context>
<context>
    <name>RewardsTab</name>
    <message>
        <source>Add reward…</source>
        <translation>เพิ่มของรางวัล…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>แก้ไข…</translation>
    </message>
    <message>
        <source>Stop offering</source>
        <translation>งดแลกของรางวัลนี้</translation>
    </message>
</context>
<context>
    <name>RewardsView</name>
    <message>
        <source>The balance is below zero: rewards can be redeemed once it is positive again</source>
        <translation>แต้มคงเหลือติดลบ แลกของรางวัลได้อีกครั้งเมื่อแต้มกลับเป็นบวก</translation>
    </message>
    <message>
        <source>Coupon {code} issued: it is in the member&apos;s coupons</source>
        <translation>ออกคูปอง {code} แล้ว อยู่ในรายการคูปองของสมาชิก</translation>
    </message>
    <message>
        <source>Redeem…</source>
        <translation>แลก…</translation>
    </message>
    <message>
        <source>Redeem the selected reward (Enter in the list)</source>
        <translation>แลกของรางวัลที่เลือก (กด Enter ในรายการ)</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Automation rules</source>
        <translation>กฎงานอัตโนมัติ</translation>
    </message>
    <message>
        <source>When a journey enters a stage, each active rule of that stage makes a task. Changes apply to the next stage entries; tasks already made stay as they are.</source>
        <translation>เมื่อเคสเข้าสู่ขั้นใด กฎที่ใช้งานของขั้นนั้นจะสร้างงานให้ การแก้ไขมีผลกับการเข้าขั้นครั้งถัดไป งานที่สร้างไปแล้วคงเดิม</translation>
    </message>
    <message>
        <source> days</source>
        <translation> วัน</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> ชั่วโมง</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> นาที</translation>
    </message>
    <message>
        <source>On entering</source>
        <translation>เมื่อเข้าขั้น</translation>
    </message>
    <message>
        <source>Task (Thai)</source>
        <translation>ชื่องาน (ภาษาไทย)</translation>
    </message>
    <message>
        <source>Task (English)</source>
        <translation>ชื่องาน (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <source>For</source>
        <translation>มอบให้</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>พนักงาน</translation>
    </message>
    <message>
        <source>Queue of the role</source>
        <translation>คิวงานของตำแหน่ง</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>ความเร่งด่วน</translation>
    </message>
    <message>
        <source>Due after</source>
        <translation>กำหนดเสร็จภายใน</translation>
    </message>
    <message>
        <source>{customer} and {treatment} in a title are replaced by the customer&apos;s and the treatment&apos;s names.</source>
        <translation>{customer} และ {treatment} ในชื่องานจะถูกแทนด้วยชื่อลูกค้าและชื่อทรีตเมนต์</translation>
    </message>
    <message>
        <source>Copy the treatment&apos;s protocol steps as the task&apos;s checklist</source>
        <translation>คัดลอกขั้นตอนของทรีตเมนต์เป็นรายการตรวจของงาน</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>ใช้งาน</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>เพิ่มกฎ</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>ลบกฎ</translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation>คืนค่าเริ่มต้น</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>Active</source>
        <translation>ใช้งาน</translation>
    </message>
    <message>
        <source>On entering</source>
        <translation>เมื่อเข้าขั้น</translation>
    </message>
    <message>
        <source>Task (Thai)</source>
        <translation>งาน (ภาษาไทย)</translation>
    </message>
    <message>
        <source>Task (English)</source>
        <translation>งาน (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <source>For</source>
        <translation>ผู้รับงาน</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>ความเร่งด่วน</translation>
    </message>
    <message>
        <source>Due after</source>
        <translation>กำหนดเสร็จภายใน</translation>
    </message>
    <message>
        <source>{n} d</source>
        <translation>{n} วัน</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} ชม.</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} นาที</translation>
    </message>
    <message>
        <source>Anyone: {role}</source>
        <translation>ใครก็ได้: {role}</translation>
    </message>
</context>
<context>
    <name>SaleBar</name>
    <message>
        <source>Sale {number}</source>
        <translation>ขาย {number}</translation>
    </message>
    <message>
        <source>Change {amount}</source>
        <translation>เงินทอน {amount}</translation>
    </message>
    <message>
        <source>Balance due {amount}</source>
        <translation>ค้างชำระ {amount}</translation>
    </message>
    <message>
        <source>Print again (copy)</source>
        <translation>พิมพ์ซ้ำ (สำเนา)</translation>
    </message>
    <message>
        <source>Print the last receipt again, marked as a copy (Ctrl+Shift+P)</source>
        <translation>พิมพ์ใบเสร็จล่าสุดอีกครั้ง โดยพิมพ์คำว่าสำเนากำกับไว้ (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Refund / void…</source>
        <translation>คืนเงิน / ยกเลิกบิล…</translation>
    </message>
    <message>
        <source>Refund or void a sale, with its credit note (Ctrl+Shift+R)</source>
        <translation>คืนเงินหรือยกเลิกบิล พร้อมออกใบลดหนี้ (Ctrl+Shift+R)</translation>
    </message>
</context>
<context>
    <name>SaleReceipts</name>
    <message>
        <source>The printer is back: the waiting receipts are printed</source>
        <translation>เครื่องพิมพ์กลับมาแล้ว: พิมพ์ใบเสร็จที่รอคิวเรียบร้อย</translation>
    </message>
    <message>
        <source>A receipt could not be printed: {why}</source>
        <translation>พิมพ์ใบเสร็จไม่ได้: {why}</translation>
    </message>
    <message>
        <source>The sale is saved, but its receipt was not printed: {why}</source>
        <translation>บันทึกการขายแล้ว แต่ยังพิมพ์ใบเสร็จไม่ได้: {why}</translation>
    </message>
    <message>
        <source>The sale is saved, but its receipt was not made: {why}</source>
        <translation>บันทึกการขายแล้ว แต่ยังออกใบเสร็จไม่ได้: {why}</translation>
    </message>
</context>
<context>
    <name>ScanCompareModel</name>
    <message>
        <source>Measure</source>
        <translation>ค่าที่วัด</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>ครั้งก่อน</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>ล่าสุด</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>เปลี่ยนแปลง</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>แนวโน้ม</translation>
    </message>
    <message>
        <source>Better</source>
        <translation>ดีขึ้น</translation>
    </message>
    <message>
        <source>Worse</source>
        <translation>แย่ลง</translation>
    </message>
</context>
<context>
    <name>ScanPage</name>
    <message>
        <source>Scan images</source>
        <translation>รูปภาพจากการสแกน</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff *.gif)</source>
        <translation>รูปภาพ (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff *.gif)</translation>
    </message>
    <message>
        <source>No scans yet</source>
        <translation>ยังไม่มีการสแกน</translation>
    </message>
    <message>
        <source>First scan, {when}: nothing to compare with yet</source>
        <translation>สแกนครั้งแรก {when} ยังไม่มีครั้งก่อนให้เทียบ</translation>
    </message>
    <message>
        <source>Latest scan, {when}, beside the one before</source>
        <translation>สแกนล่าสุด {when} เทียบกับครั้งก่อน</translation>
    </message>
    <message>
        <source>Not here yet</source>
        <translation>ยังไม่มีในเครื่องนี้</translation>
    </message>
    <message>
        <source>{item} — because {reason}</source>
        <translation>{item} — เพราะ {reason}</translation>
    </message>
    <message>
        <source>Suggestions follow a scan</source>
        <translation>คำแนะนำจะแสดงหลังการสแกน</translation>
    </message>
    <message>
        <source>No treatment to suggest for the latest scan</source>
        <translation>ไม่มีทรีตเมนต์ที่แนะนำจากการสแกนล่าสุด</translation>
    </message>
    <message>
        <source>Images: {names}</source>
        <translation>รูปภาพ: {names}</translation>
    </message>
    <message>
        <source>No images chosen</source>
        <translation>ยังไม่ได้เลือกรูปภาพ</translation>
    </message>
    <message>
        <source>Skin scans</source>
        <translation>สแกนผิว</translation>
    </message>
    <message>
        <source>This customer has not consented to skin scans and photos (sensitive data). Record their consent on the profile first; nothing can be recorded here until then.</source>
        <translation>ลูกค้ารายนี้ยังไม่ได้ให้ความยินยอมในการสแกนผิวและถ่ายภาพ (ข้อมูลอ่อนไหว) กรุณาบันทึกความยินยอมในหน้าข้อมูลลูกค้าก่อน จนกว่าจะได้รับความยินยอมจะบันทึกการสแกนไม่ได้</translation>
    </message>
    <message>
        <source>New scan</source>
        <translation>สแกนใหม่</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>What the scan shows, what the customer says (optional)</source>
        <translation>ผลที่เห็นจากการสแกน สิ่งที่ลูกค้าเล่า (ไม่บังคับ)</translation>
    </message>
    <message>
        <source>Add images…</source>
        <translation>เพิ่มรูปภาพ…</translation>
    </message>
    <message>
        <source>Clear images</source>
        <translation>ล้างรูปภาพ</translation>
    </message>
    <message>
        <source>Save scan</source>
        <translation>บันทึกการสแกน</translation>
    </message>
    <message>
        <source>Compared with the previous scan</source>
        <translation>เทียบกับการสแกนครั้งก่อน</translation>
    </message>
    <message>
        <source>Images of the latest scan</source>
        <translation>รูปภาพจากการสแกนล่าสุด</translation>
    </message>
    <message>
        <source>Suggested treatments</source>
        <translation>ทรีตเมนต์ที่แนะนำ</translation>
    </message>
    <message>
        <source>Suggestion rules…</source>
        <translation>กฎการแนะนำ…</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Monday</source>
        <translation>วันจันทร์</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>วันอังคาร</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>วันพุธ</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>วันพฤหัสบดี</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>วันศุกร์</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>วันเสาร์</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>วันอาทิตย์</translation>
    </message>
    <message>
        <source>Rooms and opening hours</source>
        <translation>ห้องและเวลาทำการ</translation>
    </message>
    <message>
        <source>New room&apos;s name</source>
        <translation>ชื่อห้องใหม่</translation>
    </message>
    <message>
        <source>Add room</source>
        <translation>เพิ่มห้อง</translation>
    </message>
    <message>
        <source>In use / out of use</source>
        <translation>เปิดใช้ / ปิดใช้ห้อง</translation>
    </message>
    <message>
        <source>Save opening hours</source>
        <translation>บันทึกเวลาทำการ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>ห้อง</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>เวลาทำการ</translation>
    </message>
    <message>
        <source>{room} (out of use)</source>
        <translation>{room} (ปิดใช้)</translation>
    </message>
    <message>
        <source>Room added.</source>
        <translation>เพิ่มห้องแล้ว</translation>
    </message>
    <message>
        <source>Room saved.</source>
        <translation>บันทึกห้องแล้ว</translation>
    </message>
    <message>
        <source>Opening hours saved.</source>
        <translation>บันทึกเวลาทำการแล้ว</translation>
    </message>
</context>
<context>
    <name>ShiftBar</name>
    <message>
        <source>No shift open: open one to sell</source>
        <translation>ยังไม่ได้เปิดกะ: เปิดกะก่อนขาย</translation>
    </message>
    <message>
        <source>Shift open since {time} · float {float} · cash expected {cash}</source>
        <translation>เปิดกะตั้งแต่ {time} · เงินทอนตั้งต้น {float} · เงินสดที่ควรมี {cash}</translation>
    </message>
    <message>
        <source>Finish or clear the sale before closing the shift</source>
        <translation>ปิดการขายหรือล้างตะกร้าก่อนปิดกะ</translation>
    </message>
    <message>
        <source>No shift is open on this terminal</source>
        <translation>เครื่องนี้ไม่มีกะที่เปิดอยู่</translation>
    </message>
    <message>
        <source>Shift closed: counted {counted}, expected {expected}, difference {difference}</source>
        <translation>ปิดกะแล้ว: นับได้ {counted} ควรมี {expected} ส่วนต่าง {difference}</translation>
    </message>
    <message>
        <source>Cash in {amount}: {reason}</source>
        <translation>นำเงินเข้า {amount}: {reason}</translation>
    </message>
    <message>
        <source>Cash out {amount}: {reason}</source>
        <translation>นำเงินออก {amount}: {reason}</translation>
    </message>
    <message>
        <source>Report saved: {file}</source>
        <translation>บันทึกรายงานแล้ว: {file}</translation>
    </message>
    <message>
        <source>Open shift…</source>
        <translation>เปิดกะ…</translation>
    </message>
    <message>
        <source>Close shift…</source>
        <translation>ปิดกะ…</translation>
    </message>
    <message>
        <source>Cash in/out…</source>
        <translation>นำเงินเข้า/ออก…</translation>
    </message>
    <message>
        <source>Put cash into the drawer or take it out, with the reason (Ctrl+Shift+C)</source>
        <translation>นำเงินสดเข้าหรือออกจากลิ้นชัก พร้อมเหตุผล (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>รายงาน X</translation>
    </message>
    <message>
        <source>The sales of this shift so far and the treatments performed at the branch, as a PDF</source>
        <translation>ยอดขายของกะนี้จนถึงตอนนี้ และทรีตเมนต์ที่ทำในสาขา เป็นไฟล์ PDF</translation>
    </message>
    <message>
        <source>Today&apos;s sales on this terminal and the treatments performed at the branch, as a PDF</source>
        <translation>ยอดขายวันนี้ของเครื่องนี้ และทรีตเมนต์ที่ทำในสาขา เป็นไฟล์ PDF</translation>
    </message>
    <message>
        <source>Z report</source>
        <translation>รายงาน Z</translation>
    </message>
</context>
<context>
    <name>StaffBranchesDialog</name>
    <message>
        <source>Where staff may sign in</source>
        <translation>สาขาที่พนักงานเข้าสู่ระบบได้</translation>
    </message>
    <message>
        <source>Pick a staff member, then tick the branches where they may sign in. With no branch ticked they may sign in at every branch.</source>
        <translation>เลือกพนักงาน แล้วเลือกสาขาที่พนักงานคนนั้นเข้าสู่ระบบได้ หากไม่เลือกสาขาใดเลย จะเข้าสู่ระบบได้ทุกสาขา</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
</context>
<context>
    <name>StaffTile</name>
    <message>
        <source>Locked until {time}</source>
        <translation>ล็อกถึง {time} น.</translation>
    </message>
</context>
<context>
    <name>StockDialog</name>
    <message>
        <source>Receive stock</source>
        <translation>รับสินค้าเข้า</translation>
    </message>
    <message>
        <source>Count stock</source>
        <translation>ตรวจนับสต็อก</translation>
    </message>
    <message>
        <source>In stock now</source>
        <translation>คงเหลือในระบบ</translation>
    </message>
    <message>
        <source>Pieces received</source>
        <translation>จำนวนที่รับเข้า (ชิ้น)</translation>
    </message>
    <message>
        <source>Pieces counted</source>
        <translation>จำนวนที่นับได้ (ชิ้น)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <source>Supplier and invoice number</source>
        <translation>ผู้จำหน่ายและเลขที่ใบแจ้งหนี้</translation>
    </message>
    <message>
        <source>Who counted, anything odd</source>
        <translation>ผู้นับ และสิ่งที่ผิดปกติ</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>SuggestionRulesDialog</name>
    <message>
        <source>e.g. hydration</source>
        <translation>เช่น hydration</translation>
    </message>
    <message>
        <source>Suggestion rules</source>
        <translation>กฎการแนะนำทรีตเมนต์</translation>
    </message>
    <message>
        <source>When the latest scan&apos;s value of a measure is above (or below) the threshold, the treatments tagged with the rule&apos;s tag are suggested. Tags are set on each item in the catalog.</source>
        <translation>เมื่อค่าที่วัดได้จากการสแกนล่าสุดสูงกว่า (หรือต่ำกว่า) เกณฑ์ ระบบจะแนะนำทรีตเมนต์ที่มีแท็กตามกฎ กำหนดแท็กได้ที่แต่ละรายการในหน้าสินค้าและบริการ</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>ค่าที่วัด</translation>
    </message>
    <message>
        <source>Above or below</source>
        <translation>สูงกว่าหรือต่ำกว่า</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>เกณฑ์</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>แท็ก</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>เพิ่มกฎ</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>ลบกฎ</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>ค่าเริ่มต้น</translation>
    </message>
</context>
<context>
    <name>SyncDriver</name>
    <message>
        <source>the clinic server needs a newer version of this app: update this terminal</source>
        <translation>เซิร์ฟเวอร์คลินิกต้องการโปรแกรมเวอร์ชันใหม่กว่า: กรุณาอัปเดตเครื่องนี้</translation>
    </message>
    <message>
        <source>the clinic server no longer accepts this terminal: enroll it again</source>
        <translation>เซิร์ฟเวอร์คลินิกไม่รับเครื่องนี้แล้ว: กรุณาลงทะเบียนเครื่องใหม่</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>never synced</source>
        <translation>ยังไม่เคยซิงก์</translation>
    </message>
    <message>
        <source>last synced {time}</source>
        <translation>ซิงก์ล่าสุด {time} น.</translation>
    </message>
    <message>
        <source>{count} need a manager (Exceptions)</source>
        <translation>มี {count} รายการรอผู้จัดการตรวจ (หน้ารายการผิดปกติ)</translation>
    </message>
    <message>
        <source>Sync: not set up</source>
        <translation>ซิงก์: ยังไม่ได้ตั้งค่า</translation>
    </message>
    <message>
        <source>Sync: offline, {pending} waiting ({last})</source>
        <translation>ซิงก์: ออฟไลน์ รอส่ง {pending} รายการ ({last})</translation>
    </message>
    <message>
        <source>Sync: up to date ({last})</source>
        <translation>ซิงก์: ข้อมูลล่าสุดแล้ว ({last})</translation>
    </message>
    <message>
        <source>{offline}; next try at {time}</source>
        <translation>{offline} ลองใหม่เวลา {time} น.</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>ซิงก์เดี๋ยวนี้</translation>
    </message>
    <message>
        <source>{pending} operations waiting; {last}</source>
        <translation>รอส่ง {pending} รายการ; {last}</translation>
    </message>
    <message>
        <source>Sync: syncing, {pending} waiting</source>
        <translation>ซิงก์: กำลังซิงก์ รอส่ง {pending} รายการ</translation>
    </message>
    <message>
        <source>Synced with the clinic server</source>
        <translation>ซิงก์กับเซิร์ฟเวอร์คลินิกแล้ว</translation>
    </message>
    <message>
        <source>Server unreachable: working offline, will retry at {time}</source>
        <translation>ติดต่อเซิร์ฟเวอร์ไม่ได้: ทำงานแบบออฟไลน์ไปก่อน จะลองใหม่เวลา {time} น.</translation>
    </message>
    <message>
        <source>Sync: problem: {detail}</source>
        <translation>ซิงก์: มีปัญหา: {detail}</translation>
    </message>
</context>
<context>
    <name>TaskQueue</name>
    <message>
        <source>Overdue</source>
        <translation>เกินกำหนด</translation>
    </message>
    <message>
        <source>{measure}: {value}</source>
        <translation>{measure}: {value}</translation>
    </message>
    <message>
        <source>Scanned {date}</source>
        <translation>สแกนเมื่อ {date}</translation>
    </message>
    <message>
        <source>Journey: {stage}</source>
        <translation>เคส: {stage}</translation>
    </message>
    <message>
        <source>No skin scan yet.</source>
        <translation>ยังไม่มีผลสแกนผิว</translation>
    </message>
    <message>
        <source>No checklist for this task.</source>
        <translation>งานนี้ไม่มีรายการตรวจสอบ</translation>
    </message>
    <message>
        <source>{kind} (not on this PC yet)</source>
        <translation>{kind} (ยังไม่มีในเครื่องนี้)</translation>
    </message>
    <message>
        <source>Consent signed {time}</source>
        <translation>ลงนามยินยอมแล้ว {time}</translation>
    </message>
    <message>
        <source>Latest skin scan</source>
        <translation>ผลสแกนผิวล่าสุด</translation>
    </message>
    <message>
        <source>Protocol checklist</source>
        <translation>ขั้นตอนการทำทรีตเมนต์</translation>
    </message>
    <message>
        <source>Treatment notes</source>
        <translation>บันทึกการทำทรีตเมนต์</translation>
    </message>
    <message>
        <source>Save notes</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Before/after photos</source>
        <translation>รูปก่อน/หลังทำ</translation>
    </message>
    <message>
        <source>Add before photo…</source>
        <translation>เพิ่มรูปก่อนทำ…</translation>
    </message>
    <message>
        <source>Add after photo…</source>
        <translation>เพิ่มรูปหลังทำ…</translation>
    </message>
    <message>
        <source>No consent to photos (sensitive data): ask the customer to sign the consent first.</source>
        <translation>ลูกค้ายังไม่ยินยอมให้ถ่ายภาพ (ข้อมูลอ่อนไหว) กรุณาให้ลูกค้าลงนามยินยอมก่อน</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>รับงาน</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>เริ่มทำ</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>เสร็จแล้ว</translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation>เปลี่ยนผู้รับงาน…</translation>
    </message>
    <message>
        <source>Consent…</source>
        <translation>ความยินยอม…</translation>
    </message>
    <message>
        <source>Select a task to see its customer, scan results and checklist.</source>
        <translation>เลือกงานเพื่อดูข้อมูลลูกค้า ผลสแกนผิว และขั้นตอนการทำ</translation>
    </message>
    <message>
        <source>{customer} · {tier}</source>
        <translation>{customer} · {tier}</translation>
    </message>
    <message>
        <source>Due {when}</source>
        <translation>กำหนดเสร็จ {when}</translation>
    </message>
    <message>
        <source>Started by {name}</source>
        <translation>{name} กำลังทำ</translation>
    </message>
    <message>
        <source>Claimed by {name}</source>
        <translation>{name} รับงานแล้ว</translation>
    </message>
    <message>
        <source>{done}/{total} steps</source>
        <translation>{done}/{total} ขั้นตอน</translation>
    </message>
    <message>
        <source>Reassign task</source>
        <translation>เปลี่ยนผู้รับงาน</translation>
    </message>
    <message>
        <source>Who takes over {customer}&apos;s task?</source>
        <translation>ใครจะรับงานของ {customer} ต่อ</translation>
    </message>
    <message>
        <source>Back to the role&apos;s queue (nobody)</source>
        <translation>คืนเข้าคิวของตำแหน่ง (ยังไม่มีผู้รับ)</translation>
    </message>
    <message>
        <source>Task claimed.</source>
        <translation>รับงานแล้ว</translation>
    </message>
    <message>
        <source>Task started.</source>
        <translation>เริ่มงานแล้ว</translation>
    </message>
    <message>
        <source>Task completed.</source>
        <translation>งานเสร็จเรียบร้อย</translation>
    </message>
    <message>
        <source>{count} tasks</source>
        <translation>{count} งาน</translation>
    </message>
    <message>
        <source>{count} overdue</source>
        <translation>เกินกำหนด {count}</translation>
    </message>
    <message>
        <source>No tasks waiting for you.</source>
        <translation>ไม่มีงานรอคุณอยู่</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>Task queue</source>
        <translation>คิวงาน</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>เปลี่ยนผู้ใช้</translation>
    </message>
    <message>
        <source>Every task of the branch</source>
        <translation>งานทั้งหมดของสาขา</translation>
    </message>
    <message>
        <source>Sign in as someone else with their PIN</source>
        <translation>เข้าสู่ระบบเป็นคนอื่นด้วยรหัส PIN ของผู้นั้น</translation>
    </message>
    <message>
        <source>Notes saved.</source>
        <translation>บันทึกแล้ว</translation>
    </message>
    <message>
        <source>Choose a before photo</source>
        <translation>เลือกรูปก่อนทำ</translation>
    </message>
    <message>
        <source>Choose an after photo</source>
        <translation>เลือกรูปหลังทำ</translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <translation>รูปภาพ ({patterns})</translation>
    </message>
    <message>
        <source>Photo added.</source>
        <translation>เพิ่มรูปแล้ว</translation>
    </message>
    <message>
        <source>Consent form signed and kept.</source>
        <translation>ลงนามใบยินยอมและเก็บไว้แล้ว</translation>
    </message>
    <message>
        <source>Task reassigned.</source>
        <translation>เปลี่ยนผู้รับงานแล้ว</translation>
    </message>
</context>
<context>
    <name>TiersModel</name>
    <message>
        <source>Tier</source>
        <translation>ระดับ</translation>
    </message>
    <message>
        <source>From points</source>
        <translation>ตั้งแต่ (แต้ม)</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>ส่วนลด</translation>
    </message>
    <message>
        <source>Points ×</source>
        <translation>แต้ม ×</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <source>Subtotal</source>
        <translation>รวม</translation>
    </message>
    <message>
        <source>Line discounts</source>
        <translation>ส่วนลดรายการ</translation>
    </message>
    <message>
        <source>Member discount</source>
        <translation>ส่วนลดสมาชิก</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>คูปอง</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>ยอดสุทธิ</translation>
    </message>
    <message>
        <source>VAT 7 % included</source>
        <translation>ภาษีมูลค่าเพิ่ม 7 % (รวมในราคา)</translation>
    </message>
    <message>
        <source>VAT-exempt part</source>
        <translation>ส่วนที่ได้รับยกเว้นภาษี</translation>
    </message>
    <message>
        <source>Points this sale earns</source>
        <translation>แต้มที่ได้รับจากการขายนี้</translation>
    </message>
</context>
<context>
    <name>UseSessionDialog</name>
    <message>
        <source>Choose who performed the session</source>
        <translation>เลือกผู้ทำทรีทเมนต์ครั้งนี้</translation>
    </message>
    <message>
        <source>Use a course session</source>
        <translation>ตัดคอร์ส</translation>
    </message>
    <message>
        <source>Use one session of “{course}” ({treatment}) for {name}?</source>
        <translation>ตัดคอร์ส “{course}” ({treatment}) ของ {name} 1 ครั้ง?</translation>
    </message>
    <message>
        <source>{left} of {total} sessions left; after this one: {after}</source>
        <translation>เหลือ {left} จาก {total} ครั้ง หลังตัดครั้งนี้: {after}</translation>
    </message>
    <message>
        <source>Performed by</source>
        <translation>ผู้ทำ</translation>
    </message>
    <message>
        <source>Choose who performed it</source>
        <translation>เลือกผู้ทำ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <source>Optional, e.g. the area treated</source>
        <translation>ไม่บังคับ เช่น บริเวณที่ทำ</translation>
    </message>
    <message>
        <source>Use the session</source>
        <translation>ตัดคอร์ส</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>achievements</name>
    <message>
        <source>Spending</source>
        <translation>การใช้จ่าย</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>ความถี่ในการมาคลินิก</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>การแนะนำเพื่อน</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>การมีส่วนร่วม</translation>
    </message>
    <message>
        <source>Treatments</source>
        <translation>ทรีตเมนต์</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>ความสำเร็จลับ</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>จำนวนครั้งที่ซื้อ</translation>
    </message>
    <message>
        <source>Total spend</source>
        <translation>ยอดใช้จ่ายรวม</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>จำนวนครั้งที่มา</translation>
    </message>
    <message>
        <source>Visits within a number of days</source>
        <translation>จำนวนครั้งที่มาภายในจำนวนวันที่กำหนด</translation>
    </message>
    <message>
        <source>Consecutive months with a visit</source>
        <translation>จำนวนเดือนติดต่อกันที่มาคลินิก</translation>
    </message>
    <message>
        <source>Friends referred</source>
        <translation>จำนวนเพื่อนที่แนะนำ</translation>
    </message>
    <message>
        <source>Treatments done</source>
        <translation>จำนวนทรีตเมนต์ที่ทำ</translation>
    </message>
    <message>
        <source>Different treatments done</source>
        <translation>จำนวนทรีตเมนต์ที่ไม่ซ้ำกัน</translation>
    </message>
    <message>
        <source>Reviews written</source>
        <translation>จำนวนรีวิวที่เขียน</translation>
    </message>
    <message>
        <source>Days as a member</source>
        <translation>จำนวนวันที่เป็นสมาชิก</translation>
    </message>
    <message>
        <source>Years with a visit in the birth month</source>
        <translation>จำนวนปีที่มาคลินิกในเดือนเกิด</translation>
    </message>
</context>
<context>
    <name>catalog</name>
    <message>
        <source>Treatment</source>
        <translation>ทรีตเมนต์</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>แพ็กเกจ</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>รับเข้า</translation>
    </message>
    <message>
        <source>Count correction</source>
        <translation>ปรับยอดตามการนับ</translation>
    </message>
    <message>
        <source>Damaged or expired</source>
        <translation>เสียหายหรือหมดอายุ</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>ขายออก</translation>
    </message>
    <message>
        <source>Returned by a customer</source>
        <translation>ลูกค้าคืนสินค้า</translation>
    </message>
</context>
<context>
    <name>consent</name>
    <message>
        <source>Keep treatment records</source>
        <translation>เก็บประวัติการรักษา</translation>
    </message>
    <message>
        <source>Skin scans and photos (sensitive data)</source>
        <translation>ผลสแกนผิวและรูปถ่าย (ข้อมูลอ่อนไหว)</translation>
    </message>
    <message>
        <source>Marketing messages</source>
        <translation>รับข่าวสารและโปรโมชัน</translation>
    </message>
    <message>
        <source>Share profile with other branches</source>
        <translation>ใช้ข้อมูลร่วมกับสาขาอื่น</translation>
    </message>
</context>
<context>
    <name>coupons</name>
    <message>
        <source>{percent} % off</source>
        <translation>ลด {percent} %</translation>
    </message>
    <message>
        <source>{amount} off</source>
        <translation>ลด {amount}</translation>
    </message>
    <message>
        <source>a free {item}</source>
        <translation>{item} ฟรี</translation>
    </message>
    <message>
        <source>Valid: {what}, until {until}, minimum {minimum}</source>
        <translation>ใช้ได้: {what} ถึง {until} ขั้นต่ำ {minimum}</translation>
    </message>
    <message>
        <source>Valid: {what}, until {until}</source>
        <translation>ใช้ได้: {what} ถึง {until}</translation>
    </message>
    <message>
        <source>Valid: {what}, minimum {minimum}</source>
        <translation>ใช้ได้: {what} ขั้นต่ำ {minimum}</translation>
    </message>
    <message>
        <source>Valid: {what}</source>
        <translation>ใช้ได้: {what}</translation>
    </message>
    <message>
        <source>Coupon code {code} is mistyped; please check it again</source>
        <translation>รหัสคูปอง {code} พิมพ์ผิด กรุณาตรวจสอบอีกครั้ง</translation>
    </message>
    <message>
        <source>There is no coupon {code}</source>
        <translation>ไม่มีคูปอง {code}</translation>
    </message>
    <message>
        <source>Coupon {code} was voided: {reason}</source>
        <translation>คูปอง {code} ถูกยกเลิกแล้ว: {reason}</translation>
    </message>
    <message>
        <source>Coupon {code} was already used at {terminal} ({branch}) on {at}</source>
        <translation>คูปอง {code} ถูกใช้ไปแล้วที่ {terminal} ({branch}) เมื่อ {at}</translation>
    </message>
    <message>
        <source>Coupon {code} expired on {date}</source>
        <translation>คูปอง {code} หมดอายุเมื่อ {date}</translation>
    </message>
    <message>
        <source>Coupon {code} is valid from {date}</source>
        <translation>คูปอง {code} เริ่มใช้ได้ {date}</translation>
    </message>
    <message>
        <source>Coupon {code} belongs to another member</source>
        <translation>คูปอง {code} เป็นของสมาชิกท่านอื่น</translation>
    </message>
    <message>
        <source>Coupon {code} is for members ({limit} per member): find the member first</source>
        <translation>คูปอง {code} สำหรับสมาชิก (ใช้ได้ {limit} ครั้งต่อท่าน) กรุณาค้นหาสมาชิกก่อน</translation>
    </message>
    <message>
        <source>This member already used coupon {code} {count} times (the limit)</source>
        <translation>สมาชิกท่านนี้ใช้คูปอง {code} ครบ {count} ครั้งแล้ว</translation>
    </message>
    <message>
        <source>Coupon {code} needs a minimum spend of {minimum} (this sale: {subtotal})</source>
        <translation>คูปอง {code} ต้องมียอดซื้อขั้นต่ำ {minimum} (รายการนี้ {subtotal})</translation>
    </message>
    <message>
        <source>Nothing in this sale is one that coupon {code} applies to</source>
        <translation>ไม่มีรายการในบิลนี้ที่ใช้คูปอง {code} ได้</translation>
    </message>
</context>
<context>
    <name>dates</name>
    <message>
        <source>BNAURA_MESSAGE_LANGUAGE_en</source>
        <translation>BNAURA_MESSAGE_LANGUAGE_th</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>BN-Aura Desk</source>
        <translation>BN-Aura Desk</translation>
    </message>
    <message>
        <source>Type the birthday as day/month/year, e.g. 25/12/1990 or 25/12/2533</source>
        <translation>กรุณาพิมพ์วันเกิดเป็น วัน/เดือน/ปี เช่น 25/12/2533 หรือ 25/12/1990</translation>
    </message>
    <message>
        <source>{text} is not a date on the calendar</source>
        <translation>{text} ไม่ใช่วันที่ที่มีอยู่จริงในปฏิทิน</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>เกิดข้อผิดพลาด: {error}</translation>
    </message>
    <message>
        <source>{path} is not set up yet; run: bnaura init --db {path}</source>
        <translation>ฐานข้อมูล {path} ยังไม่ได้ตั้งค่า ให้รันคำสั่ง: bnaura init --db {path}</translation>
    </message>
    <message>
        <source>There is no database at {path}</source>
        <translation>ไม่พบฐานข้อมูลที่ {path}</translation>
    </message>
    <message>
        <source>No PIN was set; nothing was changed</source>
        <translation>ยังไม่ได้ตั้ง PIN จึงไม่มีการเปลี่ยนแปลงใด ๆ</translation>
    </message>
    <message>
        <source>Give the clinic&apos;s name with --clinic NAME</source>
        <translation>กรุณาระบุชื่อคลินิกด้วย --clinic NAME</translation>
    </message>
    <message>
        <source>A new database needs its first owner: give --owner-name NAME and --owner-pin PIN</source>
        <translation>ฐานข้อมูลใหม่ต้องมีเจ้าของคลินิกคนแรก: ระบุ --owner-name NAME และ --owner-pin PIN</translation>
    </message>
    <message>
        <source>Give the owner&apos;s PIN with --owner-pin PIN</source>
        <translation>กรุณาระบุ PIN ของเจ้าของคลินิกด้วย --owner-pin PIN</translation>
    </message>
    <message>
        <source>The demo clinic is not available: {error}</source>
        <translation>ใช้คลินิกตัวอย่างไม่ได้: {error}</translation>
    </message>
    <message>
        <source>The desktop app cannot start: {error}</source>
        <translation>เปิดโปรแกรมไม่ได้: {error}</translation>
    </message>
    <message>
        <source>{file} has {bad} bad rows; nothing was imported (fix them, or import the other {good} rows with --skip-bad)</source>
        <translation>{file} มีแถวที่ไม่ถูกต้อง {bad} แถว จึงยังไม่ได้นำเข้าข้อมูลใด ๆ (แก้ไขแถวเหล่านั้น หรือนำเข้าอีก {good} แถวที่ถูกต้องด้วย --skip-bad)</translation>
    </message>
    <message>
        <source>{path} already exists; choose another name</source>
        <translation>มีไฟล์ {path} อยู่แล้ว กรุณาเลือกชื่ออื่น</translation>
    </message>
    <message>
        <source>The demo chain has 1 to {most} branches</source>
        <translation>เครือตัวอย่างมีได้ 1 ถึง {most} สาขา</translation>
    </message>
    <message>
        <source>The number of demo customers cannot be negative</source>
        <translation>จำนวนลูกค้าตัวอย่างติดลบไม่ได้</translation>
    </message>
    <message>
        <source>{path} already has staff; the demo needs a new database</source>
        <translation>{path} มีพนักงานอยู่แล้ว ข้อมูลตัวอย่างต้องใช้ฐานข้อมูลใหม่</translation>
    </message>
    <message>
        <source>A barcode is 8, 12 or 13 digits (EAN-8, UPC-A or EAN-13)</source>
        <translation>บาร์โค้ดต้องเป็นตัวเลข 8, 12 หรือ 13 หลัก (EAN-8, UPC-A หรือ EAN-13)</translation>
    </message>
    <message>
        <source>Barcode {code} has a wrong check digit; scan or type it again</source>
        <translation>บาร์โค้ด {code} มีเลขตรวจสอบไม่ถูกต้อง กรุณาสแกนหรือพิมพ์ใหม่</translation>
    </message>
    <message>
        <source>A name may have at most {limit} characters</source>
        <translation>ชื่อยาวได้ไม่เกิน {limit} ตัวอักษร</translation>
    </message>
    <message>
        <source>Enter the price in baht</source>
        <translation>กรุณาใส่ราคาเป็นบาท</translation>
    </message>
    <message>
        <source>A category may have at most {limit} characters</source>
        <translation>หมวดหมู่ยาวได้ไม่เกิน {limit} ตัวอักษร</translation>
    </message>
    <message>
        <source>Tags are short words separated by commas</source>
        <translation>แท็กคือคำสั้น ๆ คั่นด้วยเครื่องหมายจุลภาค</translation>
    </message>
    <message>
        <source>A tag may have at most {limit} characters</source>
        <translation>แท็กยาวได้ไม่เกิน {limit} ตัวอักษร</translation>
    </message>
    <message>
        <source>An item may have at most {limit} tags</source>
        <translation>รายการหนึ่งมีแท็กได้ไม่เกิน {limit} แท็ก</translation>
    </message>
    <message>
        <source>A price cannot be negative</source>
        <translation>ราคาติดลบไม่ได้</translation>
    </message>
    <message>
        <source>A price may be at most {limit}; please check it</source>
        <translation>ราคาต้องไม่เกิน {limit} กรุณาตรวจสอบอีกครั้ง</translation>
    </message>
    <message>
        <source>Enter how many minutes the treatment takes</source>
        <translation>กรุณาใส่ระยะเวลาของทรีตเมนต์เป็นนาที</translation>
    </message>
    <message>
        <source>A treatment takes {low} to {high} minutes</source>
        <translation>ทรีตเมนต์ใช้เวลาได้ {low} ถึง {high} นาที</translation>
    </message>
    <message>
        <source>Protocol step {number} is empty; fill it in or remove it</source>
        <translation>ขั้นตอนที่ {number} ยังว่างอยู่ กรุณากรอกหรือลบออก</translation>
    </message>
    <message>
        <source>Protocol step {number} is longer than {limit} characters</source>
        <translation>ขั้นตอนที่ {number} ยาวเกิน {limit} ตัวอักษร</translation>
    </message>
    <message>
        <source>A protocol may have at most {limit} steps</source>
        <translation>โปรโตคอลมีได้ไม่เกิน {limit} ขั้นตอน</translation>
    </message>
    <message>
        <source>Enter the product&apos;s SKU</source>
        <translation>กรุณาใส่รหัสสินค้า (SKU)</translation>
    </message>
    <message>
        <source>A SKU may have at most {limit} characters</source>
        <translation>รหัสสินค้า (SKU) ยาวได้ไม่เกิน {limit} ตัวอักษร</translation>
    </message>
    <message>
        <source>Choose the treatment this package contains</source>
        <translation>กรุณาเลือกทรีตเมนต์ของแพ็กเกจนี้</translation>
    </message>
    <message>
        <source>A package has {low} to {high} sessions</source>
        <translation>แพ็กเกจมีได้ {low} ถึง {high} ครั้ง</translation>
    </message>
    <message>
        <source>Unknown kind of catalog item: {kind}</source>
        <translation>ไม่รู้จักประเภทรายการ: {kind}</translation>
    </message>
    <message>
        <source>Enter the item&apos;s name in Thai</source>
        <translation>กรุณาใส่ชื่อรายการเป็นภาษาไทย</translation>
    </message>
    <message>
        <source>Unknown reason for a stock movement: {reason}</source>
        <translation>ไม่รู้จักเหตุผลของการปรับสต็อก: {reason}</translation>
    </message>
    <message>
        <source>Enter a whole number of pieces other than zero</source>
        <translation>กรุณาใส่จำนวนชิ้นเป็นจำนวนเต็มที่ไม่ใช่ศูนย์</translation>
    </message>
    <message>
        <source>Received or returned stock must be a positive number</source>
        <translation>จำนวนที่รับเข้าหรือรับคืนต้องเป็นจำนวนบวก</translation>
    </message>
    <message>
        <source>Damaged or sold stock must be a negative number</source>
        <translation>จำนวนที่เสียหายหรือขายออกต้องเป็นจำนวนลบ</translation>
    </message>
    <message>
        <source>Only {stock} in stock; cannot take out {wanted}</source>
        <translation>มีสต็อกเพียง {stock} ชิ้น นำออก {wanted} ชิ้นไม่ได้</translation>
    </message>
    <message>
        <source>Enter the number of pieces counted (0 or more)</source>
        <translation>กรุณาใส่จำนวนชิ้นที่นับได้ (0 ขึ้นไป)</translation>
    </message>
    <message>
        <source>A note may have at most {limit} characters</source>
        <translation>หมายเหตุยาวได้ไม่เกิน {limit} ตัวอักษร</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name in Thai or in English</source>
        <translation>กรุณาใส่ชื่อลูกค้าเป็นภาษาไทยหรือภาษาอังกฤษ</translation>
    </message>
    <message>
        <source>{email} is not an email address</source>
        <translation>{email} ไม่ใช่อีเมลที่ถูกต้อง</translation>
    </message>
    <message>
        <source>A LINE ID has 4 to 20 letters, digits, dots, dashes or underscores</source>
        <translation>LINE ID ต้องยาว 4 ถึง 20 ตัว ใช้ได้เฉพาะตัวอักษรอังกฤษ ตัวเลข จุด ขีด หรือขีดล่าง</translation>
    </message>
    <message>
        <source>The birthday cannot be in the future</source>
        <translation>วันเกิดต้องไม่เป็นวันในอนาคต</translation>
    </message>
    <message>
        <source>Please check the birthday year</source>
        <translation>กรุณาตรวจสอบปีเกิดอีกครั้ง</translation>
    </message>
    <message>
        <source>Quiet hours need both a start and an end</source>
        <translation>ช่วงเวลางดติดต่อต้องมีทั้งเวลาเริ่มและเวลาสิ้นสุด</translation>
    </message>
    <message>
        <source>Skin notes may have at most {limit} characters</source>
        <translation>บันทึกสภาพผิวยาวได้ไม่เกิน {limit} ตัวอักษร</translation>
    </message>
    <message>
        <source>Malformed clock value: {value}</source>
        <translation>ค่าเวลาของระบบไม่ถูกต้อง: {value}</translation>
    </message>
    <message>
        <source>{text} is not an amount in baht (e.g. 1,500.00)</source>
        <translation>{text} ไม่ใช่จำนวนเงินบาท (เช่น 1,500.00)</translation>
    </message>
    <message>
        <source>Phone number is required</source>
        <translation>กรุณาใส่เบอร์โทรศัพท์</translation>
    </message>
    <message>
        <source>Phone number may contain only digits, spaces and dashes</source>
        <translation>เบอร์โทรศัพท์ใส่ได้เฉพาะตัวเลข ช่องว่าง และขีด</translation>
    </message>
    <message>
        <source>{phone} is not a Thai mobile number (10 digits starting 06, 08 or 09)</source>
        <translation>{phone} ไม่ใช่เบอร์มือถือไทย (10 หลัก ขึ้นต้นด้วย 06, 08 หรือ 09)</translation>
    </message>
    <message>
        <source>A PIN is 4 to 6 digits</source>
        <translation>PIN ต้องเป็นตัวเลข 4 ถึง 6 หลัก</translation>
    </message>
    <message>
        <source>This PIN is too easy to guess; choose another</source>
        <translation>PIN นี้เดาง่ายเกินไป กรุณาตั้ง PIN อื่น</translation>
    </message>
    <message>
        <source>A referral code has 10 letters and digits, e.g. {example}</source>
        <translation>รหัสแนะนำเพื่อนมี 10 ตัว เป็นตัวอักษรและตัวเลข เช่น {example}</translation>
    </message>
    <message>
        <source>Referral code {code} has a typo; please check it again</source>
        <translation>รหัสแนะนำเพื่อน {code} พิมพ์ผิด กรุณาตรวจสอบอีกครั้ง</translation>
    </message>
    <message>
        <source>This catalog item no longer exists</source>
        <translation>ไม่พบรายการนี้ในแคตตาล็อกแล้ว</translation>
    </message>
    <message>
        <source>SKU {sku} is already used by {name}</source>
        <translation>รหัสสินค้า (SKU) {sku} ใช้กับ {name} อยู่แล้ว</translation>
    </message>
    <message>
        <source>Barcode {code} is already used by {name}</source>
        <translation>บาร์โค้ด {code} ใช้กับ {name} อยู่แล้ว</translation>
    </message>
    <message>
        <source>A package must contain a treatment that is on sale</source>
        <translation>แพ็กเกจต้องมีทรีตเมนต์ที่ยังเปิดขายอยู่</translation>
    </message>
    <message>
        <source>A catalog item&apos;s kind cannot change; add a new item instead</source>
        <translation>เปลี่ยนประเภทของรายการไม่ได้ กรุณาเพิ่มเป็นรายการใหม่แทน</translation>
    </message>
    <message>
        <source>Only products have stock; {name} is not a product</source>
        <translation>เฉพาะสินค้าเท่านั้นที่มีสต็อก {name} ไม่ใช่สินค้า</translation>
    </message>
    <message>
        <source>You may not {action}; ask a manager to authorise it</source>
        <translation>คุณไม่มีสิทธิ์{action} กรุณาให้ผู้จัดการอนุมัติ</translation>
    </message>
    <message>
        <source>line {line}: {message}</source>
        <translation>บรรทัด {line}: {message}</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 (it looks like Thai Windows-874/TIS-620); in Excel use Save As → CSV UTF-8</source>
        <translation>{file} ไม่ใช่ UTF-8 (ดูเหมือนเป็นภาษาไทยแบบ Windows-874/TIS-620) ใน Excel ให้ใช้ บันทึกเป็น → CSV UTF-8</translation>
    </message>
    <message>
        <source>{file} is not UTF-8; in Excel use Save As → CSV UTF-8</source>
        <translation>{file} ไม่ใช่ UTF-8 ใน Excel ให้ใช้ บันทึกเป็น → CSV UTF-8</translation>
    </message>
    <message>
        <source>{value} in {column} is not yes or no</source>
        <translation>{value} ในคอลัมน์ {column} ไม่ใช่ yes หรือ no</translation>
    </message>
    <message>
        <source>{value} is not a date; write it as yyyy-mm-dd</source>
        <translation>{value} ไม่ใช่วันที่ กรุณาเขียนเป็น yyyy-mm-dd (ปี ค.ศ.)</translation>
    </message>
    <message>
        <source>{value} in {column} is not a time of day; write it as hh:mm</source>
        <translation>{value} ในคอลัมน์ {column} ไม่ใช่เวลา กรุณาเขียนเป็น hh:mm</translation>
    </message>
    <message>
        <source>{value} is not a gender (female, male, other or unspecified)</source>
        <translation>{value} ไม่ใช่ค่าเพศที่รองรับ (female, male, other หรือ unspecified)</translation>
    </message>
    <message>
        <source>{value} is not a contact channel (sms, line, email, in_app or call)</source>
        <translation>{value} ไม่ใช่ช่องทางติดต่อที่รองรับ (sms, line, email, in_app หรือ call)</translation>
    </message>
    <message>
        <source>{file} has unknown columns: {columns}; the columns are: {known}</source>
        <translation>{file} มีคอลัมน์ที่ไม่รู้จัก: {columns} คอลัมน์ที่ใช้ได้คือ: {known}</translation>
    </message>
    <message>
        <source>{file} has the column {column} twice</source>
        <translation>{file} มีคอลัมน์ {column} ซ้ำสองครั้ง</translation>
    </message>
    <message>
        <source>{file} needs a phone column and a name_th or name_en column</source>
        <translation>{file} ต้องมีคอลัมน์ phone และคอลัมน์ name_th หรือ name_en</translation>
    </message>
    <message>
        <source>This customer was deleted; remove the row or clear deleted_at</source>
        <translation>ลูกค้ารายนี้ถูกลบแล้ว กรุณาลบแถวนี้ออกหรือล้างค่า deleted_at</translation>
    </message>
    <message>
        <source>{file} is empty</source>
        <translation>{file} ไม่มีข้อมูล</translation>
    </message>
    <message>
        <source>This row has {count} values but the header has {columns} columns</source>
        <translation>แถวนี้มี {count} ค่า แต่หัวตารางมี {columns} คอลัมน์</translation>
    </message>
    <message>
        <source>{value} is in a column without a name</source>
        <translation>{value} อยู่ในคอลัมน์ที่ไม่มีชื่อ</translation>
    </message>
    <message>
        <source>{file} line {line} cannot be read as CSV: {error}</source>
        <translation>อ่าน {file} บรรทัดที่ {line} เป็น CSV ไม่ได้: {error}</translation>
    </message>
    <message>
        <source>{phone} is also on line {lines}</source>
        <translation>เบอร์ {phone} ซ้ำกับบรรทัดที่ {lines}</translation>
    </message>
    <message>
        <source>{phone} already belongs to {name}</source>
        <translation>เบอร์ {phone} มีอยู่แล้ว เป็นของ {name}</translation>
    </message>
    <message>
        <source>This customer no longer exists</source>
        <translation>ไม่พบลูกค้ารายนี้แล้ว</translation>
    </message>
    <message>
        <source>A consent is either given or withdrawn ({purpose})</source>
        <translation>ความยินยอมต้องเป็นให้หรือถอนอย่างใดอย่างหนึ่ง ({purpose})</translation>
    </message>
    <message>
        <source>Already checked in today at {time}</source>
        <translation>เช็กอินไปแล้ววันนี้ เวลา {time} น.</translation>
    </message>
    <message>
        <source>Unknown consent purpose {purpose}</source>
        <translation>ไม่รู้จักวัตถุประสงค์การให้ความยินยอม {purpose}</translation>
    </message>
    <message>
        <source>Enter the staff member&apos;s name</source>
        <translation>กรุณาใส่ชื่อพนักงาน</translation>
    </message>
    <message>
        <source>This staff member no longer exists</source>
        <translation>ไม่พบพนักงานคนนี้แล้ว</translation>
    </message>
    <message>
        <source>Every course of this treatment has expired</source>
        <translation>คอร์สของทรีทเมนต์นี้หมดอายุทั้งหมดแล้ว</translation>
    </message>
    <message>
        <source>No session of this treatment is left</source>
        <translation>ไม่มีคอร์สของทรีทเมนต์นี้เหลือแล้ว</translation>
    </message>
    <message>
        <source>Only an owner may give the owner role</source>
        <translation>เฉพาะเจ้าของคลินิกเท่านั้นที่ให้บทบาทเจ้าของคลินิกได้</translation>
    </message>
    <message>
        <source>You cannot deactivate yourself</source>
        <translation>คุณปิดการใช้งานบัญชีของตัวเองไม่ได้</translation>
    </message>
    <message>
        <source>This chain has no branch {branch}</source>
        <translation>เครือนี้ไม่มีสาขา {branch}</translation>
    </message>
    <message>
        <source>Too many wrong PINs: {name} is locked for {minutes} more minutes</source>
        <translation>ใส่ PIN ผิดหลายครั้งเกินไป บัญชีของ {name} ถูกล็อกไว้อีก {minutes} นาที</translation>
    </message>
    <message>
        <source>{name} is no longer active</source>
        <translation>บัญชีของ {name} ถูกปิดการใช้งานแล้ว</translation>
    </message>
    <message>
        <source>Wrong PIN; {left} tries left before the account is locked</source>
        <translation>PIN ไม่ถูกต้อง เหลืออีก {left} ครั้งก่อนบัญชีถูกล็อก</translation>
    </message>
    <message>
        <source>{name} may not sign in at this branch; ask a manager</source>
        <translation>{name} ไม่ได้รับสิทธิ์เข้าสู่ระบบที่สาขานี้ กรุณาติดต่อผู้จัดการ</translation>
    </message>
    <message>
        <source>{name} may not authorise: {action}</source>
        <translation>{name} ไม่มีสิทธิ์อนุมัติการ{action}</translation>
    </message>
    <message>
        <source>Allow 3 to 20 wrong PINs and a lock of 1 to 1440 minutes</source>
        <translation>กำหนดให้ใส่ PIN ผิดได้ 3 ถึง 20 ครั้ง และล็อกได้ 1 ถึง 1440 นาที</translation>
    </message>
    <message>
        <source>A course is valid for 0 to 3650 days (0: no expiry)</source>
        <translation>อายุคอร์สต้องอยู่ระหว่าง 0 ถึง 3650 วัน (0: ไม่มีวันหมดอายุ)</translation>
    </message>
    <message>
        <source>A refunded sale&apos;s coupon is either kept used or restored</source>
        <translation>คูปองของการขายที่คืนเงินต้องเป็นแบบคงการใช้ไว้หรือคืนคูปอง</translation>
    </message>
    <message>
        <source>The counter rules name the tier discount&apos;s item kinds and categories and the line discount limit</source>
        <translation>กฎหน้าร้านต้องระบุประเภทรายการและหมวดหมู่ที่ได้ส่วนลดสมาชิก และวงเงินส่วนลดต่อรายการ</translation>
    </message>
    <message>
        <source>The tier discount applies to treatments, products or packages</source>
        <translation>ส่วนลดสมาชิกใช้ได้กับทรีตเมนต์ สินค้า หรือแพ็กเกจเท่านั้น</translation>
    </message>
    <message>
        <source>Choose the categories the tier discount applies to</source>
        <translation>เลือกหมวดหมู่ที่ได้ส่วนลดสมาชิก</translation>
    </message>
    <message>
        <source>A category of the tier discount is empty</source>
        <translation>หมวดหมู่ที่ได้ส่วนลดสมาชิกต้องไม่ว่าง</translation>
    </message>
    <message>
        <source>A line discount needs a manager above 0 to 100 % (or never)</source>
        <translation>วงเงินส่วนลดต่อรายการที่ต้องให้ผู้จัดการอนุมัติต้องอยู่ระหว่าง 0 ถึง 100 % (หรือไม่ต้องอนุมัติเลย)</translation>
    </message>
    <message>
        <source>A cancellation is late 0 to 168 hours before the appointment</source>
        <translation>การยกเลิกล่าช้ากำหนดได้ 0 ถึง 168 ชั่วโมงก่อนเวลานัด</translation>
    </message>
    <message>
        <source>There is no setting {key}</source>
        <translation>ไม่มีการตั้งค่า {key}</translation>
    </message>
    <message>
        <source>The setting {key} is the same at every branch</source>
        <translation>การตั้งค่า {key} ใช้เหมือนกันทุกสาขา กำหนดแยกรายสาขาไม่ได้</translation>
    </message>
    <message>
        <source>{path} is not a BN-Aura database (not an SQLite file)</source>
        <translation>{path} ไม่ใช่ฐานข้อมูลของ BN-Aura (ไม่ใช่ไฟล์ SQLite)</translation>
    </message>
    <message>
        <source>{path} is an SQLite database of another program, not a BN-Aura database</source>
        <translation>{path} เป็นฐานข้อมูล SQLite ของโปรแกรมอื่น ไม่ใช่ฐานข้อมูลของ BN-Aura</translation>
    </message>
    <message>
        <source>The database {path} is open in another BN-Aura program (process {pid}); close it first</source>
        <translation>ฐานข้อมูล {path} เปิดอยู่ในโปรแกรม BN-Aura อีกตัวหนึ่ง (โปรเซส {pid}) กรุณาปิดโปรแกรมนั้นก่อน</translation>
    </message>
    <message>
        <source>This database was written by a newer version of BN-Aura Desk (schema {revision}); please update this terminal</source>
        <translation>ฐานข้อมูลนี้มาจาก BN-Aura Desk รุ่นที่ใหม่กว่า (สคีมา {revision}) กรุณาอัปเดตโปรแกรมในเครื่องนี้</translation>
    </message>
    <message>
        <source>The database schema is {revision} but this app needs {head}; run: bnaura init --db {path}</source>
        <translation>ฐานข้อมูลเป็นรุ่น {revision} แต่โปรแกรมนี้ต้องการรุ่น {head} ให้รันคำสั่ง: bnaura init --db {path}</translation>
    </message>
    <message>
        <source>{path} already belongs to a clinic; enroll it as it is or use a new database</source>
        <translation>{path} เป็นของคลินิกหนึ่งอยู่แล้ว ให้ลงทะเบียนเครื่องนี้ตามเดิมหรือใช้ฐานข้อมูลใหม่</translation>
    </message>
    <message>
        <source>This terminal is not connected to a clinic server; run: bnaura enroll URL CODE</source>
        <translation>เครื่องนี้ยังไม่ได้เชื่อมต่อกับเซิร์ฟเวอร์ของคลินิก ให้รัน: bnaura enroll URL CODE</translation>
    </message>
    <message>
        <source>The clinic server refused: {message}</source>
        <translation>เซิร์ฟเวอร์ของคลินิกปฏิเสธ: {message}</translation>
    </message>
    <message>
        <source>The clinic server is not available (HTTP {http_status}); will try again</source>
        <translation>เซิร์ฟเวอร์ของคลินิกยังใช้งานไม่ได้ (HTTP {http_status}) ระบบจะลองใหม่อีกครั้ง</translation>
    </message>
    <message>
        <source>The certificate authority file {path} cannot be used: {reason}</source>
        <translation>ใช้ไฟล์ผู้ออกใบรับรอง {path} ไม่ได้: {reason}</translation>
    </message>
    <message>
        <source>The clinic server&apos;s certificate cannot be trusted ({reason}). If the clinic uses its own certificate authority, enroll with its certificate: bnaura enroll URL CODE --ca-file FILE</source>
        <translation>เชื่อถือใบรับรองของเซิร์ฟเวอร์คลินิกไม่ได้ ({reason}) หากคลินิกใช้ผู้ออกใบรับรองของตนเอง ให้ลงทะเบียนพร้อมใบรับรองนั้น: bnaura enroll URL CODE --ca-file FILE</translation>
    </message>
    <message>
        <source>Cannot reach the clinic server: {reason}</source>
        <translation>ติดต่อเซิร์ฟเวอร์ของคลินิกไม่ได้: {reason}</translation>
    </message>
    <message>
        <source>This enrollment code is not valid: check it, or ask the owner for a new one</source>
        <translation>รหัสลงทะเบียนนี้ไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง หรือขอรหัสใหม่จากเจ้าของคลินิก</translation>
    </message>
    <message>
        <source>This enrollment code was already used; ask the owner for a new one</source>
        <translation>รหัสลงทะเบียนนี้ถูกใช้ไปแล้ว กรุณาขอรหัสใหม่จากเจ้าของคลินิก</translation>
    </message>
    <message>
        <source>This enrollment code has expired; ask the owner for a new one</source>
        <translation>รหัสลงทะเบียนนี้หมดอายุแล้ว กรุณาขอรหัสใหม่จากเจ้าของคลินิก</translation>
    </message>
    <message>
        <source>This enrollment code was locked after too many wrong attempts; ask the owner for a new one</source>
        <translation>รหัสลงทะเบียนนี้ถูกล็อกเพราะกรอกผิดหลายครั้งเกินไป กรุณาขอรหัสใหม่จากเจ้าของคลินิก</translation>
    </message>
    <message>
        <source>Too many wrong enrollment codes from this computer; wait {minutes} minutes and try again</source>
        <translation>กรอกรหัสลงทะเบียนผิดจากเครื่องนี้หลายครั้งเกินไป กรุณารอ {minutes} นาทีแล้วลองใหม่</translation>
    </message>
    <message>
        <source>This terminal belongs to another clinic than the one of this code; the owner can adopt it on the server with: bnaura server clinics add NAME --id {clinic_id}</source>
        <translation>เครื่องนี้เป็นของคลินิกอื่น ไม่ใช่คลินิกของรหัสนี้ เจ้าของคลินิกรับเครื่องนี้เข้าเซิร์ฟเวอร์ได้ด้วยคำสั่ง: bnaura server clinics add NAME --id {clinic_id}</translation>
    </message>
    <message>
        <source>This terminal is already enrolled with this server</source>
        <translation>เครื่องนี้ลงทะเบียนกับเซิร์ฟเวอร์นี้ไว้แล้ว</translation>
    </message>
    <message>
        <source>Type the server&apos;s address, starting with https:// (or http:// on this PC)</source>
        <translation>กรอกที่อยู่เซิร์ฟเวอร์ ขึ้นต้นด้วย https:// (หรือ http:// สำหรับเครื่องนี้)</translation>
    </message>
    <message>
        <source>Type the enrollment code the owner gave you</source>
        <translation>กรอกรหัสลงทะเบียนที่เจ้าของคลินิกให้มา</translation>
    </message>
    <message>
        <source>Give this terminal a name, e.g. Counter 1</source>
        <translation>ตั้งชื่อเครื่องนี้ เช่น เคาน์เตอร์ 1</translation>
    </message>
    <message>
        <source>Write what was done about it</source>
        <translation>กรุณาเขียนว่าได้จัดการอย่างไร</translation>
    </message>
    <message>
        <source>The note is too long (at most {max} characters)</source>
        <translation>บันทึกยาวเกินไป (ไม่เกิน {max} ตัวอักษร)</translation>
    </message>
    <message>
        <source>This exception does not exist</source>
        <translation>ไม่พบรายการผิดปกตินี้</translation>
    </message>
    <message>
        <source>This exception was already resolved</source>
        <translation>รายการผิดปกตินี้ถูกจัดการไปแล้ว</translation>
    </message>
    <message>
        <source>Customer {row} of the list: {message}</source>
        <translation>ลูกค้ารายที่ {row} ในรายการ: {message}</translation>
    </message>
    <message>
        <source>This chain has no such branch</source>
        <translation>เครือนี้ไม่มีสาขานี้</translation>
    </message>
    <message>
        <source>{phone} is also the phone of customer {other} of the list</source>
        <translation>เบอร์ {phone} ซ้ำกับลูกค้ารายที่ {other} ในรายการ</translation>
    </message>
    <message>
        <source>A branch number is up to five digits: 00000 for the head office, 00001 for branch 1</source>
        <translation>เลขที่สาขามีไม่เกินห้าหลัก: 00000 สำหรับสำนักงานใหญ่ 00001 สำหรับสาขาที่ 1</translation>
    </message>
    <message>
        <source>This branch is not known on this terminal yet</source>
        <translation>เครื่องนี้ยังไม่มีข้อมูลของสาขานี้</translation>
    </message>
    <message>
        <source>At most {limit} characters</source>
        <translation>ไม่เกิน {limit} ตัวอักษร</translation>
    </message>
    <message>
        <source>Enter the branch&apos;s Thai name</source>
        <translation>กรุณากรอกชื่อสาขาภาษาไทย</translation>
    </message>
    <message>
        <source>A tax id is 13 digits</source>
        <translation>เลขประจำตัวผู้เสียภาษีต้องมี 13 หลัก</translation>
    </message>
    <message>
        <source>Tax id {tin} is not valid (its check digit is wrong); check it with the buyer</source>
        <translation>เลขประจำตัวผู้เสียภาษี {tin} ไม่ถูกต้อง (เลขตรวจสอบหลักสุดท้ายไม่ตรง) กรุณาตรวจสอบกับผู้ซื้อ</translation>
    </message>
    <message>
        <source>The buyer&apos;s branch is สำนักงานใหญ่ (head office) or a branch number of up to five digits</source>
        <translation>สาขาของผู้ซื้อต้องเป็น สำนักงานใหญ่ หรือเลขที่สาขาไม่เกินห้าหลัก</translation>
    </message>
    <message>
        <source>Enter the buyer&apos;s name</source>
        <translation>กรอกชื่อผู้ซื้อ</translation>
    </message>
    <message>
        <source>The buyer&apos;s name is longer than {limit} characters</source>
        <translation>ชื่อผู้ซื้อยาวเกิน {limit} ตัวอักษร</translation>
    </message>
    <message>
        <source>Enter the buyer&apos;s address</source>
        <translation>กรอกที่อยู่ของผู้ซื้อ</translation>
    </message>
    <message>
        <source>The buyer&apos;s address is longer than {limit} characters</source>
        <translation>ที่อยู่ของผู้ซื้อยาวเกิน {limit} ตัวอักษร</translation>
    </message>
    <message>
        <source>The setting {key} is chain-wide: mark it per-branch before a branch sets its own</source>
        <translation>การตั้งค่า {key} ใช้ทั้งเครือ ต้องกำหนดให้แยกรายสาขาได้ก่อน สาขาจึงจะตั้งค่าของตัวเองได้</translation>
    </message>
    <message>
        <source>Add or take 1 to 1,000,000 points</source>
        <translation>เพิ่มหรือหักแต้มได้ 1 ถึง 1,000,000 แต้ม</translation>
    </message>
    <message>
        <source>Say why the points are adjusted</source>
        <translation>ระบุเหตุผลที่ปรับแต้ม</translation>
    </message>
    <message>
        <source>The reason has at most 500 characters</source>
        <translation>เหตุผลยาวได้ไม่เกิน 500 ตัวอักษร</translation>
    </message>
    <message>
        <source>No customer has the phone {phone}</source>
        <translation>ไม่มีลูกค้าที่ใช้เบอร์โทร {phone}</translation>
    </message>
    <message>
        <source>The loyalty program is not complete</source>
        <translation>โปรแกรมสะสมแต้มยังกรอกไม่ครบ</translation>
    </message>
    <message>
        <source>Points per baht must be 1 point for ฿1 to ฿100,000</source>
        <translation>อัตราแต้มต้องเป็น 1 แต้มต่อ ฿1 ถึง ฿100,000</translation>
    </message>
    <message>
        <source>An award is 0 to 100,000 points; it cannot be negative</source>
        <translation>แต้มที่ให้ต้องอยู่ระหว่าง 0 ถึง 100,000 แต้ม และติดลบไม่ได้</translation>
    </message>
    <message>
        <source>A program has 1 to 12 tiers</source>
        <translation>โปรแกรมมีระดับสมาชิกได้ 1 ถึง 12 ระดับ</translation>
    </message>
    <message>
        <source>A tier needs a name, points, a discount and a multiplier</source>
        <translation>ระดับสมาชิกต้องมีชื่อ แต้ม ส่วนลด และตัวคูณแต้ม</translation>
    </message>
    <message>
        <source>A tier&apos;s discount is 0 to 100 % and its multiplier 0 to 10 times</source>
        <translation>ส่วนลดของระดับต้องอยู่ระหว่าง 0 ถึง 100 % และตัวคูณแต้ม 0 ถึง 10 เท่า</translation>
    </message>
    <message>
        <source>Tiers overlap: the first starts at 0 points and each starts above the one before</source>
        <translation>ระดับสมาชิกซ้อนกัน: ระดับแรกเริ่มที่ 0 แต้ม และแต่ละระดับต้องเริ่มสูงกว่าระดับก่อนหน้า</translation>
    </message>
    <message>
        <source>Tiers qualify on lifetime points or on the last 12 months</source>
        <translation>การเลื่อนระดับนับจากแต้มสะสมทั้งหมด หรือแต้มใน 12 เดือนล่าสุด</translation>
    </message>
    <message>
        <source>No customer has the referral code {code}</source>
        <translation>ไม่มีลูกค้าที่ใช้รหัสแนะนำ {code}</translation>
    </message>
    <message>
        <source>A customer cannot use their own referral code</source>
        <translation>ลูกค้าใช้รหัสแนะนำของตัวเองไม่ได้</translation>
    </message>
    <message>
        <source>This customer was already referred by someone else</source>
        <translation>ลูกค้ารายนี้มีผู้แนะนำอยู่แล้ว</translation>
    </message>
    <message>
        <source>Achievement {key} needs a Thai name</source>
        <translation>ความสำเร็จ {key} ต้องมีชื่อภาษาไทย</translation>
    </message>
    <message>
        <source>The names of achievement {key} have at most 80 characters and its descriptions 300</source>
        <translation>ชื่อของความสำเร็จ {key} ยาวได้ไม่เกิน 80 ตัวอักษร และคำอธิบายไม่เกิน 300 ตัวอักษร</translation>
    </message>
    <message>
        <source>The figures of achievement {key} must be whole numbers</source>
        <translation>ตัวเลขของความสำเร็จ {key} ต้องเป็นจำนวนเต็ม</translation>
    </message>
    <message>
        <source>The achievements must be a list of at most 100 definitions</source>
        <translation>รายการความสำเร็จต้องเป็นรายการนิยามไม่เกิน 100 รายการ</translation>
    </message>
    <message>
        <source>An achievement&apos;s key is 1 to 40 small letters, digits or _, from a letter</source>
        <translation>รหัสของความสำเร็จมี 1 ถึง 40 ตัว เป็นตัวอักษรอังกฤษพิมพ์เล็ก ตัวเลข หรือ _ และขึ้นต้นด้วยตัวอักษร</translation>
    </message>
    <message>
        <source>Achievement {key} has no known category</source>
        <translation>ความสำเร็จ {key} ไม่มีหมวดที่ระบบรู้จัก</translation>
    </message>
    <message>
        <source>Achievement {key} awards 0 to 100,000 points</source>
        <translation>ความสำเร็จ {key} ให้แต้มได้ 0 ถึง 100,000 แต้ม</translation>
    </message>
    <message>
        <source>Achievement {key} is in the secret category: it must be hidden</source>
        <translation>ความสำเร็จ {key} อยู่ในหมวดลับ จึงต้องซ่อนไว้จนกว่าจะปลดล็อก</translation>
    </message>
    <message>
        <source>Achievement {key} has no known condition</source>
        <translation>ความสำเร็จ {key} ไม่มีเงื่อนไขที่ระบบรู้จัก</translation>
    </message>
    <message>
        <source>The target of achievement {key} must be above zero</source>
        <translation>เป้าหมายของความสำเร็จ {key} ต้องมากกว่าศูนย์</translation>
    </message>
    <message>
        <source>The window of achievement {key} is 1 to 3,660 days</source>
        <translation>ช่วงเวลาของความสำเร็จ {key} ต้องเป็น 1 ถึง 3,660 วัน</translation>
    </message>
    <message>
        <source>Only a treatments achievement may name a treatment</source>
        <translation>ระบุทรีตเมนต์ได้เฉพาะความสำเร็จที่นับจำนวนทรีตเมนต์</translation>
    </message>
    <message>
        <source>The achievement key {key} is used twice</source>
        <translation>รหัสความสำเร็จ {key} ถูกใช้ซ้ำ</translation>
    </message>
    <message>
        <source>The achievements take too much room: shorten descriptions or remove some</source>
        <translation>รายการความสำเร็จยาวเกินกว่าที่บันทึกได้ กรุณาย่อคำอธิบายหรือลบบางรายการ</translation>
    </message>
    <message>
        <source>Achievement {key} names a treatment the catalog does not have</source>
        <translation>ความสำเร็จ {key} ระบุทรีตเมนต์ที่ไม่มีในรายการบริการ</translation>
    </message>
    <message>
        <source>{text} is not a date (e.g. 2027-01-31 or 31/01/2570)</source>
        <translation>{text} ไม่ใช่วันที่ (เช่น 31/01/2570 หรือ 2027-01-31)</translation>
    </message>
    <message>
        <source>The catalog has no item with SKU {sku}</source>
        <translation>ไม่มีรายการที่มีรหัสสินค้า {sku}</translation>
    </message>
    <message>
        <source>A percent coupon gives 1 to 100 % off</source>
        <translation>คูปองแบบเปอร์เซ็นต์ลดได้ 1 ถึง 100 %</translation>
    </message>
    <message>
        <source>Give the amount off in baht, more than 0</source>
        <translation>ระบุจำนวนเงินที่ลดเป็นบาท มากกว่า 0</translation>
    </message>
    <message>
        <source>Choose the item the coupon gives free</source>
        <translation>เลือกรายการที่คูปองให้ฟรี</translation>
    </message>
    <message>
        <source>The last valid day cannot be before the first</source>
        <translation>วันสุดท้ายที่ใช้ได้ต้องไม่ก่อนวันแรก</translation>
    </message>
    <message>
        <source>The minimum spend cannot be negative</source>
        <translation>ยอดซื้อขั้นต่ำต้องไม่ติดลบ</translation>
    </message>
    <message>
        <source>A coupon can be used 1 to 1,000,000 times, or without a limit</source>
        <translation>คูปองใช้ได้ 1 ถึง 1,000,000 ครั้ง หรือไม่จำกัด</translation>
    </message>
    <message>
        <source>Give the reward a name</source>
        <translation>ตั้งชื่อของรางวัล</translation>
    </message>
    <message>
        <source>A reward costs 1 to 10,000,000 points</source>
        <translation>ของรางวัลใช้แต้ม 1 ถึง 10,000,000 แต้ม</translation>
    </message>
    <message>
        <source>A reward&apos;s coupon is valid 1 to 3,650 days</source>
        <translation>คูปองของรางวัลมีอายุ 1 ถึง 3,650 วัน</translation>
    </message>
    <message>
        <source>This terminal has made all the coupon codes it can</source>
        <translation>เครื่องนี้สร้างรหัสคูปองครบจำนวนที่สร้างได้แล้ว</translation>
    </message>
    <message>
        <source>The catalog has no such item</source>
        <translation>ไม่มีรายการนี้ในรายการสินค้าและบริการ</translation>
    </message>
    <message>
        <source>Give the campaign a name</source>
        <translation>ตั้งชื่อแคมเปญ</translation>
    </message>
    <message>
        <source>A campaign has 1 to 1,000,000 codes</source>
        <translation>แคมเปญหนึ่งมีได้ 1 ถึง 1,000,000 รหัส</translation>
    </message>
    <message>
        <source>There is no such coupon</source>
        <translation>ไม่มีคูปองนี้</translation>
    </message>
    <message>
        <source>Say why the coupon is voided</source>
        <translation>ระบุเหตุผลที่ยกเลิกคูปอง</translation>
    </message>
    <message>
        <source>This coupon is already void</source>
        <translation>คูปองนี้ถูกยกเลิกไปแล้ว</translation>
    </message>
    <message>
        <source>A sale&apos;s lines and total cannot be negative</source>
        <translation>รายการและยอดรวมของการขายต้องไม่ติดลบ</translation>
    </message>
    <message>
        <source>There is no such reward</source>
        <translation>ไม่มีของรางวัลนี้</translation>
    </message>
    <message>
        <source>This reward is not available</source>
        <translation>ของรางวัลนี้ไม่พร้อมให้แลก</translation>
    </message>
    <message>
        <source>The balance is {balance} points: redemptions are blocked until the balance is positive again</source>
        <translation>แต้มคงเหลือ {balance} แต้ม: งดการแลกของรางวัลจนกว่าแต้มจะกลับมาเป็นบวก</translation>
    </message>
    <message>
        <source>This reward needs {cost} points; the balance is {balance}</source>
        <translation>ของรางวัลนี้ใช้ {cost} แต้ม แต้มคงเหลือ {balance} แต้ม</translation>
    </message>
    <message>
        <source>PromptPay id is required</source>
        <translation>กรุณาใส่หมายเลขพร้อมเพย์</translation>
    </message>
    <message>
        <source>{target} is not a PromptPay id: enter a Thai mobile number (10 digits starting 06, 08 or 09), a 13-digit national or tax id, or a 15-digit e-wallet id</source>
        <translation>{target} ไม่ใช่หมายเลขพร้อมเพย์: ใส่เบอร์มือถือ 10 หลักที่ขึ้นต้นด้วย 06, 08 หรือ 09 เลขประจำตัวประชาชนหรือเลขประจำตัวผู้เสียภาษี 13 หลัก หรือเลขวอลเล็ต 15 หลัก</translation>
    </message>
    <message>
        <source>A PromptPay QR needs an amount above ฿0.00, not {amount}</source>
        <translation>QR พร้อมเพย์ต้องมียอดมากกว่า ฿0.00 ไม่ใช่ {amount}</translation>
    </message>
    <message>
        <source>{amount} is more than a PromptPay QR can carry (at most {maximum})</source>
        <translation>{amount} เกินยอดที่ QR พร้อมเพย์รับได้ (สูงสุด {maximum})</translation>
    </message>
    <message>
        <source>Line {line}: the quantity is 1 to 9,999</source>
        <translation>รายการที่ {line}: จำนวนต้องอยู่ระหว่าง 1 ถึง 9,999</translation>
    </message>
    <message>
        <source>Line {line}: a price is ฿0 to ฿10,000,000</source>
        <translation>รายการที่ {line}: ราคาต้องอยู่ระหว่าง ฿0 ถึง ฿10,000,000</translation>
    </message>
    <message>
        <source>Line {line}: a discount is 0 to 100 %</source>
        <translation>รายการที่ {line}: ส่วนลดต้องอยู่ระหว่าง 0 ถึง 100 %</translation>
    </message>
    <message>
        <source>Line {line}: a discount is ฿0 to the line&apos;s {amount}</source>
        <translation>รายการที่ {line}: ส่วนลดต้องอยู่ระหว่าง ฿0 ถึงยอดของรายการ {amount}</translation>
    </message>
    <message>
        <source>Line {line}: say why it is discounted</source>
        <translation>รายการที่ {line}: โปรดระบุเหตุผลของส่วนลด</translation>
    </message>
    <message>
        <source>Line {line}: the reason has at most 200 characters</source>
        <translation>รายการที่ {line}: เหตุผลยาวได้ไม่เกิน 200 ตัวอักษร</translation>
    </message>
    <message>
        <source>Payment {number}: enter an amount above ฿0.00</source>
        <translation>การชำระที่ {number}: ใส่ยอดมากกว่า ฿0.00</translation>
    </message>
    <message>
        <source>Payment {number}: the cash received is less than {amount}</source>
        <translation>การชำระที่ {number}: เงินสดที่รับมาน้อยกว่า {amount}</translation>
    </message>
    <message>
        <source>Payment {number}: enter the card terminal&apos;s approval code</source>
        <translation>การชำระที่ {number}: ใส่รหัสอนุมัติจากเครื่องรูดบัตร</translation>
    </message>
    <message>
        <source>Payment {number}: enter the card&apos;s last 4 digits</source>
        <translation>การชำระที่ {number}: ใส่เลข 4 หลักท้ายของบัตร</translation>
    </message>
    <message>
        <source>Payment {number}: enter the transfer&apos;s reference (up to 60 characters)</source>
        <translation>การชำระที่ {number}: ใส่เลขอ้างอิงการโอน (ไม่เกิน 60 ตัวอักษร)</translation>
    </message>
    <message>
        <source>The payments come to {paid}, more than the {due} due</source>
        <translation>ยอดชำระรวม {paid} เกินยอดที่ต้องชำระ {due}</translation>
    </message>
    <message>
        <source>{balance} is still to pay; take the rest or make it a deposit with a due date</source>
        <translation>ยังค้างชำระ {balance} รับชำระส่วนที่เหลือ หรือทำเป็นมัดจำพร้อมวันครบกำหนด</translation>
    </message>
    <message>
        <source>A deposit pays part of the sale now and the rest later</source>
        <translation>มัดจำคือชำระบางส่วนตอนนี้และส่วนที่เหลือภายหลัง</translation>
    </message>
    <message>
        <source>The balance&apos;s due date must be after today</source>
        <translation>วันครบกำหนดชำระยอดคงเหลือต้องเป็นหลังวันนี้</translation>
    </message>
    <message>
        <source>Nothing is left to pay on this sale</source>
        <translation>การขายนี้ไม่มียอดค้างชำระแล้ว</translation>
    </message>
    <message>
        <source>Enter the payment of the balance</source>
        <translation>กรุณาใส่การชำระยอดค้าง</translation>
    </message>
    <message>
        <source>The payments come to {paid}, more than the {due} still to pay</source>
        <translation>ยอดชำระรวม {paid} เกินยอดค้างชำระ {due}</translation>
    </message>
    <message>
        <source>The cart is empty</source>
        <translation>ยังไม่มีรายการในตะกร้า</translation>
    </message>
    <message>
        <source>A sale has at most {count} lines</source>
        <translation>การขายหนึ่งครั้งมีได้ไม่เกิน {count} รายการ</translation>
    </message>
    <message>
        <source>A proposal needs at least one item</source>
        <translation>ใบเสนอต้องมีอย่างน้อยหนึ่งรายการ</translation>
    </message>
    <message>
        <source>A proposal has at most {count} lines</source>
        <translation>ใบเสนอมีได้ไม่เกิน {count} รายการ</translation>
    </message>
    <message>
        <source>Line {line}: this item is not in the catalog</source>
        <translation>รายการที่ {line}: ไม่มีสินค้าหรือบริการนี้ในรายการ</translation>
    </message>
    <message>
        <source>Line {line}: {name} is not sold at this branch</source>
        <translation>รายการที่ {line}: {name} ไม่ได้ขายที่สาขานี้</translation>
    </message>
    <message>
        <source>Line {line}: the quantity must be from 1 to {max}</source>
        <translation>รายการที่ {line}: จำนวนต้องอยู่ระหว่าง 1 ถึง {max}</translation>
    </message>
    <message>
        <source>Line {line}: the price must not be below zero</source>
        <translation>รายการที่ {line}: ราคาต้องไม่ติดลบ</translation>
    </message>
    <message>
        <source>Open a shift before selling</source>
        <translation>กรุณาเปิดกะก่อนขาย</translation>
    </message>
    <message>
        <source>Choose the customer who buys the package</source>
        <translation>เลือกลูกค้าที่ซื้อคอร์สก่อน</translation>
    </message>
    <message>
        <source>The float is ฿0 to ฿100,000</source>
        <translation>เงินทอนตั้งต้นต้องอยู่ระหว่าง ฿0 ถึง ฿100,000</translation>
    </message>
    <message>
        <source>A shift is already open on this terminal</source>
        <translation>เครื่องนี้มีกะที่เปิดอยู่แล้ว</translation>
    </message>
    <message>
        <source>No shift is open on this terminal</source>
        <translation>เครื่องนี้ไม่มีกะที่เปิดอยู่</translation>
    </message>
    <message>
        <source>There is no such shift on this terminal</source>
        <translation>ไม่มีกะนี้ในเครื่องนี้</translation>
    </message>
    <message>
        <source>{value} is not a Thai note or coin, or its count is wrong</source>
        <translation>{value} ไม่ใช่ธนบัตรหรือเหรียญไทย หรือจำนวนไม่ถูกต้อง</translation>
    </message>
    <message>
        <source>This branch is not known here</source>
        <translation>เครื่องนี้ไม่รู้จักสาขานี้</translation>
    </message>
    <message>
        <source>Enter the branch&apos;s 13-digit tax id and branch code before printing tax documents</source>
        <translation>กรอกเลขประจำตัวผู้เสียภาษี 13 หลักและรหัสสาขาก่อนพิมพ์เอกสารภาษี</translation>
    </message>
    <message>
        <source>There is no receipt {number}</source>
        <translation>ไม่มีใบเสร็จเลขที่ {number}</translation>
    </message>
    <message>
        <source>This terminal has no receipt yet</source>
        <translation>เครื่องนี้ยังไม่มีใบเสร็จ</translation>
    </message>
    <message>
        <source>There is no printer {name} on this terminal</source>
        <translation>เครื่องนี้ไม่มีเครื่องพิมพ์ชื่อ {name}</translation>
    </message>
    <message>
        <source>This terminal has no default receipt printer: bnaura printer add NAME ... --default</source>
        <translation>เครื่องนี้ยังไม่มีเครื่องพิมพ์ใบเสร็จหลัก: bnaura printer add NAME ... --default</translation>
    </message>
    <message>
        <source>There is no credit note {number}</source>
        <translation>ไม่มีใบลดหนี้เลขที่ {number}</translation>
    </message>
    <message>
        <source>There is no such credit note</source>
        <translation>ไม่มีใบลดหนี้นี้</translation>
    </message>
    <message>
        <source>There is no such sale</source>
        <translation>ไม่มีรายการขายนี้</translation>
    </message>
    <message>
        <source>Open a shift before taking a payment</source>
        <translation>กรุณาเปิดกะก่อนรับชำระเงิน</translation>
    </message>
    <message>
        <source>Receipt {number} was voided or refunded: it takes no more payments</source>
        <translation>ใบเสร็จ {number} ถูกยกเลิกหรือคืนเงินแล้ว รับชำระเพิ่มไม่ได้</translation>
    </message>
    <message>
        <source>Nothing is left to pay on receipt {number}</source>
        <translation>ใบเสร็จ {number} ไม่มียอดค้างชำระแล้ว</translation>
    </message>
    <message>
        <source>Check this terminal&apos;s clock and try again</source>
        <translation>กรุณาตรวจสอบนาฬิกาของเครื่องนี้แล้วลองอีกครั้ง</translation>
    </message>
    <message>
        <source>There is no such print job</source>
        <translation>ไม่พบงานพิมพ์นี้</translation>
    </message>
    <message>
        <source>Printer {printer} did not print the test page: {reason}</source>
        <translation>เครื่องพิมพ์ {printer} ไม่ได้พิมพ์หน้าทดสอบ: {reason}</translation>
    </message>
    <message>
        <source>Printer {printer} is offline: the receipt waits in the queue</source>
        <translation>เครื่องพิมพ์ {printer} ออฟไลน์: ใบเสร็จรออยู่ในคิวพิมพ์</translation>
    </message>
    <message>
        <source>A printer needs a name of at most 60 characters</source>
        <translation>ตั้งชื่อเครื่องพิมพ์ ไม่เกิน 60 ตัวอักษร</translation>
    </message>
    <message>
        <source>A receipt printer prints 576 dots (80 mm) or 512 (72 mm)</source>
        <translation>เครื่องพิมพ์ใบเสร็จพิมพ์ได้กว้าง 576 จุด (80 มม.) หรือ 512 จุด (72 มม.)</translation>
    </message>
    <message>
        <source>Give the printer&apos;s device path, e.g. /dev/usb/lp0</source>
        <translation>ระบุพาธอุปกรณ์ของเครื่องพิมพ์ เช่น /dev/usb/lp0</translation>
    </message>
    <message>
        <source>Give the printer&apos;s address as host or host:port, e.g. 192.168.1.50:9100</source>
        <translation>ระบุที่อยู่เครื่องพิมพ์เป็น host หรือ host:port เช่น 192.168.1.50:9100</translation>
    </message>
    <message>
        <source>{text} is not a percent (e.g. 10 or 12.5)</source>
        <translation>{text} ไม่ใช่เปอร์เซ็นต์ (เช่น 10 หรือ 12.5)</translation>
    </message>
    <message>
        <source>A discount is 0 to 100 %</source>
        <translation>ส่วนลดต้องอยู่ระหว่าง 0 ถึง 100 %</translation>
    </message>
    <message>
        <source>That is more than the {remaining} still to pay</source>
        <translation>มากกว่ายอด {remaining} ที่ยังต้องชำระ</translation>
    </message>
    <message>
        <source>{balance} is still to pay: take the rest, or tick Pay part of the balance</source>
        <translation>ยังค้างชำระ {balance}: รับส่วนที่เหลือ หรือเลือก ชำระยอดค้างบางส่วน</translation>
    </message>
    <message>
        <source>No PromptPay id is set for this branch yet: the owner sets it (Set the PromptPay id…)</source>
        <translation>สาขานี้ยังไม่ได้ตั้งหมายเลขพร้อมเพย์: ให้เจ้าของคลินิกตั้ง (ตั้งหมายเลขพร้อมเพย์…)</translation>
    </message>
    <message>
        <source>Give the reason for the refund</source>
        <translation>โปรดระบุเหตุผลของการคืนเงิน</translation>
    </message>
    <message>
        <source>Choose cash in or cash out</source>
        <translation>เลือกนำเงินเข้าหรือนำเงินออก</translation>
    </message>
    <message>
        <source>The amount is more than ฿0 and at most {most}</source>
        <translation>จำนวนเงินต้องมากกว่า ฿0 และไม่เกิน {most}</translation>
    </message>
    <message>
        <source>Say why the cash goes in or out</source>
        <translation>โปรดระบุเหตุผลของการนำเงินเข้าหรือออก</translation>
    </message>
    <message>
        <source>The reason is at most {count} characters</source>
        <translation>เหตุผลยาวได้ไม่เกิน {count} ตัวอักษร</translation>
    </message>
    <message>
        <source>The drawer should hold only {cash}: you cannot take out {amount}</source>
        <translation>ลิ้นชักควรมีเงินสดเพียง {cash}: นำออก {amount} ไม่ได้</translation>
    </message>
    <message>
        <source>Choose the lines to refund</source>
        <translation>เลือกรายการที่จะคืนเงิน</translation>
    </message>
    <message>
        <source>This line is not part of the sale</source>
        <translation>รายการนี้ไม่ได้อยู่ในการขายนี้</translation>
    </message>
    <message>
        <source>Line {line} is named twice</source>
        <translation>รายการที่ {line} ถูกระบุซ้ำ</translation>
    </message>
    <message>
        <source>Line {line}: refund at least one</source>
        <translation>รายการที่ {line}: คืนอย่างน้อย 1 หน่วย</translation>
    </message>
    <message>
        <source>Line {line}: only {count} left to refund</source>
        <translation>รายการที่ {line}: เหลือให้คืนได้เพียง {count}</translation>
    </message>
    <message>
        <source>Nothing of this sale is left to refund</source>
        <translation>การขายนี้ไม่มียอดเหลือให้คืนเงินแล้ว</translation>
    </message>
    <message>
        <source>That is more than was paid: at most {amount} can be refunded</source>
        <translation>เกินยอดที่ชำระไว้: คืนเงินได้ไม่เกิน {amount}</translation>
    </message>
    <message>
        <source>A sale is refunded only at the branch that sold it</source>
        <translation>คืนเงินได้เฉพาะที่สาขาที่ขายรายการนั้น</translation>
    </message>
    <message>
        <source>This sale was voided already</source>
        <translation>การขายนี้ถูกยกเลิกไปแล้ว</translation>
    </message>
    <message>
        <source>Choose how the money goes back</source>
        <translation>เลือกวิธีคืนเงิน</translation>
    </message>
    <message>
        <source>Open a shift before giving cash back</source>
        <translation>กรุณาเปิดกะก่อนคืนเงินสด</translation>
    </message>
    <message>
        <source>A sale is voided only in its own open shift at its terminal; refund it instead</source>
        <translation>ยกเลิกการขายได้เฉพาะในกะที่ยังเปิดอยู่ของเครื่องที่ขาย กรุณาทำคืนเงินแทน</translation>
    </message>
    <message>
        <source>This sale has refunds already; refund the rest instead</source>
        <translation>การขายนี้มีการคืนเงินแล้ว กรุณาคืนเงินส่วนที่เหลือแทน</translation>
    </message>
    <message>
        <source>Part of this sale was paid in another shift; refund it instead</source>
        <translation>การขายนี้มีการชำระบางส่วนในกะอื่น กรุณาทำคืนเงินแทน</translation>
    </message>
    <message>
        <source>There is no full tax invoice {number}</source>
        <translation>ไม่มีใบกำกับภาษีเต็มรูปเลขที่ {number}</translation>
    </message>
    <message>
        <source>Receipt {number} has no full tax invoice</source>
        <translation>ใบเสร็จ {number} ยังไม่ได้ออกใบกำกับภาษีเต็มรูป</translation>
    </message>
    <message>
        <source>A full tax invoice is issued only at the branch that issued the receipt</source>
        <translation>ออกใบกำกับภาษีเต็มรูปได้เฉพาะที่สาขาที่ออกใบเสร็จนั้น</translation>
    </message>
    <message>
        <source>Receipt {number} was voided (credit note {credit_note})</source>
        <translation>ใบเสร็จ {number} ถูกยกเลิกแล้ว (ใบลดหนี้ {credit_note})</translation>
    </message>
    <message>
        <source>Receipt {number} was already replaced by full tax invoice {invoice}; print a copy of it</source>
        <translation>ใบเสร็จ {number} ออกใบกำกับภาษีเต็มรูปแทนแล้ว เลขที่ {invoice} กรุณาพิมพ์สำเนาของใบนั้น</translation>
    </message>
    <message>
        <source>There is no such full tax invoice</source>
        <translation>ไม่มีใบกำกับภาษีเต็มรูปนี้</translation>
    </message>
    <message>
        <source>This journey was moved meanwhile; look at where it is now and move it again</source>
        <translation>เคสนี้ถูกเลื่อนไปแล้วระหว่างนี้ ตรวจสอบขั้นปัจจุบันแล้วเลื่อนใหม่อีกครั้ง</translation>
    </message>
    <message>
        <source>A journey moves forward one stage at a time; a manager may move it back or reopen it</source>
        <translation>เคสเลื่อนไปข้างหน้าได้ทีละขั้น ผู้จัดการจึงจะย้อนขั้นหรือเปิดเคสอีกครั้งได้</translation>
    </message>
    <message>
        <source>Write the reason for cancelling, moving back or reopening</source>
        <translation>กรอกเหตุผลในการยกเลิก ย้อนขั้น หรือเปิดเคสอีกครั้ง</translation>
    </message>
    <message>
        <source>Only a manager may move a journey back or reopen it</source>
        <translation>เฉพาะผู้จัดการเท่านั้นที่ย้อนขั้นหรือเปิดเคสอีกครั้งได้</translation>
    </message>
    <message>
        <source>Link a paid sale of this customer to confirm the payment</source>
        <translation>เลือกรายการขายของลูกค้ารายนี้ที่ชำระเงินแล้วเพื่อยืนยันการชำระเงิน</translation>
    </message>
    <message>
        <source>Link an appointment to schedule the treatment</source>
        <translation>เลือกนัดหมายเพื่อกำหนดวันทำทรีตเมนต์</translation>
    </message>
    <message>
        <source>The text is too long (at most {max} characters)</source>
        <translation>ข้อความยาวเกินไป (ไม่เกิน {max} ตัวอักษร)</translation>
    </message>
    <message>
        <source>A task title may name only the customer and the treatment, as customer or treatment in braces</source>
        <translation>ชื่องานใส่ได้เฉพาะชื่อลูกค้าและทรีตเมนต์ โดยเขียน customer หรือ treatment ในวงเล็บปีกกา</translation>
    </message>
    <message>
        <source>An automation rule must be a set of fields</source>
        <translation>กฎอัตโนมัติต้องระบุเป็นชุดข้อมูล</translation>
    </message>
    <message>
        <source>An automation rule needs a short name (at most {max} characters)</source>
        <translation>กฎอัตโนมัติต้องมีชื่อสั้น ๆ (ไม่เกิน {max} ตัวอักษร)</translation>
    </message>
    <message>
        <source>Choose the stage, who does the task and the role</source>
        <translation>กรุณาเลือกขั้นตอน ผู้รับงาน และตำแหน่ง</translation>
    </message>
    <message>
        <source>A task title is needed in Thai</source>
        <translation>กรุณากรอกชื่องานภาษาไทย</translation>
    </message>
    <message>
        <source>The priority is 1 (urgent) to 4 (low)</source>
        <translation>ความสำคัญมีตั้งแต่ 1 (ด่วนที่สุด) ถึง 4 (ไม่เร่งด่วน)</translation>
    </message>
    <message>
        <source>A task is due 0 to 90 days after the stage is entered</source>
        <translation>กำหนดเสร็จของงานต้องอยู่ภายใน 0 ถึง 90 วันหลังเข้าขั้นตอน</translation>
    </message>
    <message>
        <source>Choose the staff member the task is for</source>
        <translation>กรุณาเลือกพนักงานที่รับงานนี้</translation>
    </message>
    <message>
        <source>The automation rules must be a list of at most {max} rules</source>
        <translation>กฎอัตโนมัติต้องเป็นรายการไม่เกิน {max} กฎ</translation>
    </message>
    <message>
        <source>Two automation rules have the same name</source>
        <translation>มีกฎอัตโนมัติสองกฎที่ชื่อซ้ำกัน</translation>
    </message>
    <message>
        <source>The automation rules take too much room: shorten or remove some</source>
        <translation>กฎอัตโนมัติยาวเกินไป กรุณาย่อหรือลบบางกฎ</translation>
    </message>
    <message>
        <source>There is no such journey</source>
        <translation>ไม่มีเคสนี้</translation>
    </message>
    <message>
        <source>This sale is not of the journey&apos;s customer</source>
        <translation>รายการขายนี้ไม่ใช่ของลูกค้าในเคสนี้</translation>
    </message>
    <message>
        <source>Nothing is paid for this sale yet</source>
        <translation>รายการขายนี้ยังไม่ได้ชำระเงิน</translation>
    </message>
    <message>
        <source>This appointment is another customer&apos;s</source>
        <translation>นัดนี้เป็นของลูกค้ารายอื่น</translation>
    </message>
    <message>
        <source>This appointment was cancelled or missed: book another</source>
        <translation>นัดนี้ถูกยกเลิกหรือลูกค้าไม่มาตามนัด กรุณาจองนัดใหม่</translation>
    </message>
    <message>
        <source>A skin scan does not measure {measure}</source>
        <translation>การสแกนผิวไม่มีค่าวัด {measure}</translation>
    </message>
    <message>
        <source>A scan value is a whole number from 0 to 100 ({measure})</source>
        <translation>ค่าจากการสแกนต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง 100 ({measure})</translation>
    </message>
    <message>
        <source>Enter at least one measured value of the scan</source>
        <translation>กรอกค่าที่วัดได้จากการสแกนอย่างน้อยหนึ่งค่า</translation>
    </message>
    <message>
        <source>Scan notes are text of at most {most} characters</source>
        <translation>บันทึกการสแกนยาวได้ไม่เกิน {most} ตัวอักษร</translation>
    </message>
    <message>
        <source>Fetching images ahead of time is either on or off</source>
        <translation>การดึงรูปภาพล่วงหน้าต้องเป็นเปิดหรือปิดเท่านั้น</translation>
    </message>
    <message>
        <source>The image {name} is larger than {most} MB</source>
        <translation>รูปภาพ {name} มีขนาดเกิน {most} MB</translation>
    </message>
    <message>
        <source>The file {name} is not an image</source>
        <translation>ไฟล์ {name} ไม่ใช่รูปภาพ</translation>
    </message>
    <message>
        <source>The image {name} arrived damaged (its content does not match)</source>
        <translation>รูปภาพ {name} ที่ได้รับเสียหาย (เนื้อหาไม่ตรงกับชื่อรูป)</translation>
    </message>
    <message>
        <source>The file {name} cannot be read</source>
        <translation>ไม่สามารถอ่านไฟล์ {name} ได้</translation>
    </message>
    <message>
        <source>This customer has not consented to skin scans and photos (sensitive data); nothing was recorded</source>
        <translation>ลูกค้ารายนี้ยังไม่ได้ให้ความยินยอมในการสแกนผิวและถ่ายภาพ (ข้อมูลอ่อนไหว) จึงไม่ได้บันทึกข้อมูลใด ๆ</translation>
    </message>
    <message>
        <source>A scan keeps at most {most} images</source>
        <translation>การสแกนหนึ่งครั้งเก็บรูปภาพได้ไม่เกิน {most} รูป</translation>
    </message>
    <message>
        <source>Opening hours are an opening and a closing time (HH:MM) per weekday, the closing after the opening</source>
        <translation>เวลาทำการคือเวลาเปิดและเวลาปิด (ชช:นน) ของแต่ละวัน โดยเวลาปิดต้องหลังเวลาเปิด</translation>
    </message>
    <message>
        <source>An appointment cannot start in the past</source>
        <translation>ไม่สามารถนัดเวลาที่ผ่านมาแล้วได้</translation>
    </message>
    <message>
        <source>The treatment has no duration to book</source>
        <translation>ทรีตเมนต์นี้ไม่มีระยะเวลาให้จอง</translation>
    </message>
    <message>
        <source>The branch is closed on {day}</source>
        <translation>สาขาปิดทำการวันที่ {day}</translation>
    </message>
    <message>
        <source>The branch is open from {opens} to {closes} that day; the appointment must fit within</source>
        <translation>วันนั้นสาขาเปิด {opens} ถึง {closes} น. นัดต้องอยู่ภายในเวลาทำการ</translation>
    </message>
    <message>
        <source>This treatment is not in the catalog</source>
        <translation>ไม่มีทรีตเมนต์นี้ในรายการสินค้าและบริการ</translation>
    </message>
    <message>
        <source>{item} has no duration to book; set it in the catalog first</source>
        <translation>{item} ยังไม่ได้กำหนดระยะเวลา กรุณากำหนดในรายการสินค้าและบริการก่อน</translation>
    </message>
    <message>
        <source>Choose a beautician of this branch</source>
        <translation>กรุณาเลือกช่างเสริมสวยของสาขานี้</translation>
    </message>
    <message>
        <source>Choose a room of this branch that is in use</source>
        <translation>กรุณาเลือกห้องของสาขานี้ที่เปิดใช้งานอยู่</translation>
    </message>
    <message>
        <source>{beautician} is already booked for {customer} from {start} to {end}</source>
        <translation>{beautician} มีนัดกับ {customer} แล้ว ตั้งแต่ {start} ถึง {end} น.</translation>
    </message>
    <message>
        <source>{room} is already booked for {customer} from {start} to {end}</source>
        <translation>{room} มีนัดของ {customer} แล้ว ตั้งแต่ {start} ถึง {end} น.</translation>
    </message>
    <message>
        <source>This customer does not exist or was deleted</source>
        <translation>ไม่พบลูกค้ารายนี้ หรือถูกลบไปแล้ว</translation>
    </message>
    <message>
        <source>This journey is another customer&apos;s</source>
        <translation>เคสนี้เป็นของลูกค้าคนอื่น</translation>
    </message>
    <message>
        <source>This journey is closed: reopen it before booking</source>
        <translation>เคสนี้ปิดแล้ว กรุณาเปิดเคสใหม่ก่อนจองนัด</translation>
    </message>
    <message>
        <source>This appointment is not one of this branch&apos;s</source>
        <translation>นัดนี้ไม่ใช่นัดของสาขานี้</translation>
    </message>
    <message>
        <source>This appointment is no longer open</source>
        <translation>นัดนี้ปิดไปแล้ว (ยกเลิก ไม่มาตามนัด หรือเสร็จแล้ว)</translation>
    </message>
    <message>
        <source>A no-show can be recorded only once the appointment has started</source>
        <translation>บันทึกว่าไม่มาตามนัดได้เมื่อถึงเวลานัดแล้วเท่านั้น</translation>
    </message>
    <message>
        <source>Enter the room&apos;s name</source>
        <translation>กรุณากรอกชื่อห้อง</translation>
    </message>
    <message>
        <source>This branch already has a room called {name}</source>
        <translation>สาขานี้มีห้องชื่อ {name} อยู่แล้ว</translation>
    </message>
    <message>
        <source>This room is not one of this branch&apos;s</source>
        <translation>ห้องนี้ไม่ใช่ห้องของสาขานี้</translation>
    </message>
    <message>
        <source>There is no such task</source>
        <translation>ไม่พบงานนี้</translation>
    </message>
    <message>
        <source>This task is for another customer</source>
        <translation>งานนี้เป็นของลูกค้ารายอื่น</translation>
    </message>
    <message>
        <source>This task is already done or cancelled</source>
        <translation>งานนี้เสร็จหรือถูกยกเลิกไปแล้ว</translation>
    </message>
    <message>
        <source>There is no such journey at this branch</source>
        <translation>ไม่พบเคสนี้ในสาขานี้</translation>
    </message>
    <message>
        <source>The customer has not signed yet: sign on the pad first</source>
        <translation>ลูกค้ายังไม่ได้ลงนาม กรุณาลงนามบนแผ่นลงนามก่อน</translation>
    </message>
    <message>
        <source>{name} started this task; only they can go on with it</source>
        <translation>{name} เริ่มทำงานนี้แล้ว เฉพาะผู้นั้นทำต่อได้</translation>
    </message>
    <message>
        <source>{name} has claimed this task</source>
        <translation>{name} รับงานนี้ไปแล้ว</translation>
    </message>
    <message>
        <source>This task is {name}&apos;s; a manager may reassign it</source>
        <translation>งานนี้เป็นของ {name} ผู้จัดการเปลี่ยนผู้รับงานได้</translation>
    </message>
    <message>
        <source>This task is for another role</source>
        <translation>งานนี้เป็นของตำแหน่งอื่น</translation>
    </message>
    <message>
        <source>This task is already started</source>
        <translation>งานนี้เริ่มทำแล้ว</translation>
    </message>
    <message>
        <source>Claim this task first</source>
        <translation>กรุณารับงานนี้ก่อน</translation>
    </message>
    <message>
        <source>There is no such step</source>
        <translation>ไม่พบขั้นตอนนี้</translation>
    </message>
    <message>
        <source>Start the treatment before completing it</source>
        <translation>กรุณาเริ่มทรีตเมนต์ก่อนบันทึกว่าเสร็จ</translation>
    </message>
    <message>
        <source>A photo is taken before or after the treatment</source>
        <translation>รูปต้องถ่ายก่อนหรือหลังทำทรีตเมนต์</translation>
    </message>
    <message>
        <source>A task keeps at most {most} photos of each kind</source>
        <translation>งานหนึ่งเก็บรูปแต่ละแบบได้ไม่เกิน {most} รูป</translation>
    </message>
    <message>
        <source>This journey is closed: reopen it before proposing</source>
        <translation>เคสนี้ปิดแล้ว กรุณาเปิดเคสใหม่ก่อนทำใบเสนอ</translation>
    </message>
    <message>
        <source>This journey is not waiting for a payment</source>
        <translation>เคสนี้ยังไม่อยู่ในขั้นรอชำระเงิน</translation>
    </message>
    <message>
        <source>This journey has no proposal to open</source>
        <translation>เคสนี้ไม่มีใบเสนอที่เปิดได้</translation>
    </message>
    <message>
        <source>This proposal was superseded or already paid</source>
        <translation>ใบเสนอนี้ถูกแทนที่ด้วยฉบับใหม่หรือชำระเงินแล้ว</translation>
    </message>
    <message>
        <source>A suggestion rule must be a set of fields</source>
        <translation>กฎการแนะนำต้องประกอบด้วยช่องข้อมูลครบถ้วน</translation>
    </message>
    <message>
        <source>Choose the measure and whether the value is above or below</source>
        <translation>เลือกค่าที่วัดและเลือกว่าสูงกว่าหรือต่ำกว่าเกณฑ์</translation>
    </message>
    <message>
        <source>A threshold is a whole number from 0 to 100</source>
        <translation>เกณฑ์ต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง 100</translation>
    </message>
    <message>
        <source>A rule needs the tag of the treatments it suggests (at most {max} characters)</source>
        <translation>กฎต้องมีแท็กของทรีตเมนต์ที่จะแนะนำ (ไม่เกิน {max} ตัวอักษร)</translation>
    </message>
    <message>
        <source>The suggestion rules must be a list of at most {max} rules</source>
        <translation>กฎการแนะนำมีได้ไม่เกิน {max} ข้อ</translation>
    </message>
    <message>
        <source>The suggestion rules take too much room: remove some</source>
        <translation>กฎการแนะนำใช้พื้นที่มากเกินไป กรุณาลบบางข้อ</translation>
    </message>
    <message>
        <source>A consent text is needed in Thai, at most {most} characters</source>
        <translation>ต้องมีข้อความแสดงความยินยอมภาษาไทย ยาวไม่เกิน {most} ตัวอักษร</translation>
    </message>
    <message>
        <source>A consent text may name only the customer, the treatment and the clinic, in braces</source>
        <translation>ข้อความแสดงความยินยอมใส่ได้เฉพาะชื่อลูกค้า ทรีตเมนต์ และคลินิก โดยเขียน customer treatment หรือ clinic ในวงเล็บปีกกา</translation>
    </message>
    <message>
        <source>A treatment&apos;s own consent text must name a catalog treatment</source>
        <translation>ข้อความแสดงความยินยอมเฉพาะทรีตเมนต์ต้องระบุทรีตเมนต์ในรายการสินค้าและบริการ</translation>
    </message>
    <message>
        <source>Not on this PC yet</source>
        <translation>ยังไม่มีในเครื่องนี้</translation>
    </message>
</context>
<context>
    <name>journeys</name>
    <message>
        <source>Lead created</source>
        <translation>ลูกค้าใหม่</translation>
    </message>
    <message>
        <source>Skin scanned</source>
        <translation>สแกนผิวแล้ว</translation>
    </message>
    <message>
        <source>Proposal sent</source>
        <translation>ส่งข้อเสนอแล้ว</translation>
    </message>
    <message>
        <source>Payment confirmed</source>
        <translation>ยืนยันการชำระเงินแล้ว</translation>
    </message>
    <message>
        <source>Treatment scheduled</source>
        <translation>นัดทำทรีตเมนต์แล้ว</translation>
    </message>
    <message>
        <source>In treatment</source>
        <translation>กำลังทำทรีตเมนต์</translation>
    </message>
    <message>
        <source>Treatment completed</source>
        <translation>ทำทรีตเมนต์เสร็จแล้ว</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>ติดตามผล</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>เสร็จสิ้น</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>permissions</name>
    <message>
        <source>view customers</source>
        <translation>ดูข้อมูลลูกค้า</translation>
    </message>
    <message>
        <source>register and edit customers</source>
        <translation>ลงทะเบียนและแก้ไขข้อมูลลูกค้า</translation>
    </message>
    <message>
        <source>check customers in</source>
        <translation>เช็กอินลูกค้า</translation>
    </message>
    <message>
        <source>delete customers</source>
        <translation>ลบข้อมูลลูกค้า</translation>
    </message>
    <message>
        <source>import and export customers</source>
        <translation>นำเข้าและส่งออกข้อมูลลูกค้า</translation>
    </message>
    <message>
        <source>manage the catalog</source>
        <translation>จัดการรายการสินค้าและบริการ</translation>
    </message>
    <message>
        <source>adjust stock</source>
        <translation>ปรับยอดสต็อก</translation>
    </message>
    <message>
        <source>manage staff</source>
        <translation>จัดการพนักงาน</translation>
    </message>
    <message>
        <source>sell</source>
        <translation>ขาย</translation>
    </message>
    <message>
        <source>refund a sale</source>
        <translation>คืนเงินรายการขาย</translation>
    </message>
    <message>
        <source>void a sale</source>
        <translation>ยกเลิกรายการขาย</translation>
    </message>
    <message>
        <source>give a discount above the limit</source>
        <translation>ให้ส่วนลดเกินวงเงินที่กำหนด</translation>
    </message>
    <message>
        <source>take cash out of the drawer</source>
        <translation>นำเงินสดออกจากลิ้นชัก</translation>
    </message>
    <message>
        <source>change clinic settings</source>
        <translation>เปลี่ยนการตั้งค่าคลินิก</translation>
    </message>
    <message>
        <source>view the audit log</source>
        <translation>ดูประวัติการใช้งานระบบ</translation>
    </message>
    <message>
        <source>manage sync and its exceptions</source>
        <translation>จัดการการซิงก์และรายการผิดปกติ</translation>
    </message>
    <message>
        <source>adjust a member&apos;s points</source>
        <translation>ปรับแต้มของสมาชิก</translation>
    </message>
    <message>
        <source>manage the loyalty program</source>
        <translation>จัดการโปรแกรมสะสมแต้ม</translation>
    </message>
    <message>
        <source>change the counter&apos;s rules</source>
        <translation>เปลี่ยนกฎการขายหน้าร้าน</translation>
    </message>
    <message>
        <source>open and move customer journeys</source>
        <translation>เปิดและเลื่อนขั้นเคสลูกค้า</translation>
    </message>
    <message>
        <source>start and finish a journey&apos;s treatment</source>
        <translation>เริ่มและจบการทำทรีตเมนต์ของเคส</translation>
    </message>
    <message>
        <source>move a journey back or reopen it</source>
        <translation>ย้อนขั้นหรือเปิดเคสลูกค้าอีกครั้ง</translation>
    </message>
    <message>
        <source>book appointments</source>
        <translation>จองนัดหมาย</translation>
    </message>
    <message>
        <source>set the branch&apos;s rooms and opening hours</source>
        <translation>กำหนดห้องและเวลาทำการของสาขา</translation>
    </message>
</context>
<context>
    <name>points</name>
    <message>
        <source>Purchase</source>
        <translation>ซื้อบริการ/สินค้า</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>ต้อนรับสมาชิกใหม่</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>เช็กอิน</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>รีวิว</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>แนะนำเพื่อน</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>วันเกิด</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>ความสำเร็จ</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>แลกของรางวัล</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>ปรับแต้ม</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>คืนเงิน</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>หมดอายุ</translation>
    </message>
    <message>
        <source>{what}: {reason}</source>
        <translation>{what}: {reason}</translation>
    </message>
</context>
<context>
    <name>rewards</name>
    <message>
        <source>Percent off</source>
        <translation>ลดเป็นเปอร์เซ็นต์</translation>
    </message>
    <message>
        <source>Amount off</source>
        <translation>ลดเป็นจำนวนเงิน</translation>
    </message>
    <message>
        <source>A free item</source>
        <translation>รับรายการฟรี</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>Front desk</source>
        <translation>พนักงานหน้าร้าน</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>พนักงานขาย</translation>
    </message>
    <message>
        <source>Beautician</source>
        <translation>บิวตี้เทอราปิสต์</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>ผู้จัดการ</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>เจ้าของคลินิก</translation>
    </message>
</context>
<context>
    <name>scans</name>
    <message>
        <source>Moisture</source>
        <translation>ความชุ่มชื้น</translation>
    </message>
    <message>
        <source>Oiliness</source>
        <translation>ความมัน</translation>
    </message>
    <message>
        <source>Pigmentation</source>
        <translation>เม็ดสี</translation>
    </message>
    <message>
        <source>Wrinkles</source>
        <translation>ริ้วรอย</translation>
    </message>
    <message>
        <source>Pores</source>
        <translation>รูขุมขน</translation>
    </message>
    <message>
        <source>Redness</source>
        <translation>ความแดง</translation>
    </message>
    <message>
        <source>Acne</source>
        <translation>สิว</translation>
    </message>
    <message>
        <source>Skin age</source>
        <translation>อายุผิว</translation>
    </message>
    <message>
        <source>above</source>
        <translation>สูงกว่า</translation>
    </message>
    <message>
        <source>below</source>
        <translation>ต่ำกว่า</translation>
    </message>
</context>
<context>
    <name>sync_exceptions</name>
    <message>
        <source>Edit lost: the record was deleted</source>
        <translation>การแก้ไขไม่ถูกบันทึก: ข้อมูลถูกลบไปแล้ว</translation>
    </message>
    <message>
        <source>Terminal clock far ahead</source>
        <translation>นาฬิกาเครื่องเดินเร็วเกินไป</translation>
    </message>
    <message>
        <source>Operation rejected by the server</source>
        <translation>เซิร์ฟเวอร์ปฏิเสธรายการ</translation>
    </message>
    <message>
        <source>Change to a record the server does not have</source>
        <translation>แก้ไขข้อมูลที่เซิร์ฟเวอร์ไม่มีอยู่</translation>
    </message>
    <message>
        <source>Operation number sent twice with different contents</source>
        <translation>ส่งรายการเลขเดิมซ้ำแต่เนื้อหาต่างกัน</translation>
    </message>
    <message>
        <source>Single-use item used twice offline</source>
        <translation>ของที่ใช้ได้ครั้งเดียวถูกใช้สองครั้งระหว่างออฟไลน์</translation>
    </message>
    <message>
        <source>Balance taken below its limit</source>
        <translation>ยอดคงเหลือถูกใช้จนต่ำกว่าขั้นต่ำ</translation>
    </message>
    <message>
        <source>Journey move not allowed at its time</source>
        <translation>การย้ายขั้นตอนที่ไม่อนุญาตตามลำดับเวลา</translation>
    </message>
    <message>
        <source>Points for a deleted customer</source>
        <translation>แต้มของลูกค้าที่ถูกลบแล้ว</translation>
    </message>
    <message>
        <source>A second referrer for one customer</source>
        <translation>ลูกค้ารายเดียวมีผู้แนะนำคนที่สอง</translation>
    </message>
    <message>
        <source>A sale refunded beyond what was paid</source>
        <translation>การขายถูกคืนเงินเกินยอดที่ชำระ</translation>
    </message>
    <message>
        <source>A course used beyond its sessions</source>
        <translation>คอร์สถูกใช้เกินจำนวนครั้งที่ซื้อ</translation>
    </message>
    <message>
        <source>A sale paid beyond its total</source>
        <translation>การขายถูกชำระเกินยอดรวม</translation>
    </message>
    <message>
        <source>Two full tax invoices for one receipt</source>
        <translation>ใบกำกับภาษีเต็มรูปสองใบสำหรับใบเสร็จเดียวกัน</translation>
    </message>
    <message>
        <source>A beautician or room booked twice</source>
        <translation>ช่างเสริมสวยหรือห้องถูกจองซ้อน</translation>
    </message>
    <message>
        <source>A task claimed by two people</source>
        <translation>งานเดียวถูกรับโดยสองคน</translation>
    </message>
    <message>
        <source>One record made twice with different contents</source>
        <translation>รายการเดียวกันถูกบันทึกสองครั้งโดยเนื้อหาต่างกัน</translation>
    </message>
    <message>
        <source>Change of a kind this app version does not know</source>
        <translation>ข้อมูลประเภทที่โปรแกรมเวอร์ชันนี้ไม่รู้จัก</translation>
    </message>
    <message>
        <source>Change this app version cannot store</source>
        <translation>ข้อมูลที่โปรแกรมเวอร์ชันนี้บันทึกไม่ได้</translation>
    </message>
    <message>
        <source>the terminal sent another operation under a number already used; the first one stands</source>
        <translation>เครื่องส่งรายการอื่นโดยใช้เลขที่ใช้ไปแล้ว ระบบยึดรายการแรก</translation>
    </message>
    <message>
        <source>used on two terminals while offline; the first to reach the server keeps it, the other sale stands</source>
        <translation>ถูกใช้บนสองเครื่องระหว่างออฟไลน์ รายการที่ถึงเซิร์ฟเวอร์ก่อนได้สิทธิ์ ส่วนการขายอีกรายการยังคงอยู่</translation>
    </message>
    <message>
        <source>taken below its limit while offline (e.g. points spent twice); both stand</source>
        <translation>ถูกใช้จนต่ำกว่าขั้นต่ำระหว่างออฟไลน์ (เช่น ใช้แต้มซ้ำสองครั้ง) ทั้งสองรายการยังคงอยู่</translation>
    </message>
    <message>
        <source>not allowed at its place in time order; it was not applied</source>
        <translation>ไม่อนุญาตเมื่อเรียงตามลำดับเวลา จึงไม่ถูกนำไปใช้</translation>
    </message>
    <message>
        <source>points were recorded on another terminal after the customer was deleted; they stand</source>
        <translation>มีการบันทึกแต้มบนอีกเครื่องหลังจากลูกค้าถูกลบ แต้มนั้นยังคงอยู่</translation>
    </message>
    <message>
        <source>another terminal named a different referrer; the first referrer keeps the referral</source>
        <translation>อีกเครื่องระบุผู้แนะนำคนอื่น ผู้แนะนำคนแรกยังคงได้สิทธิ์การแนะนำ</translation>
    </message>
    <message>
        <source>two terminals refunded the same sale while offline, together more than was paid for it; both refunds stand</source>
        <translation>สองเครื่องคืนเงินการขายเดียวกันระหว่างออฟไลน์ รวมแล้วเกินยอดที่ชำระ การคืนเงินทั้งสองรายการยังคงอยู่</translation>
    </message>
    <message>
        <source>sessions of the same course were used on two terminals while offline, more than were left; both uses stand</source>
        <translation>คอร์สเดียวกันถูกตัดจากสองเครื่องระหว่างออฟไลน์ เกินจำนวนครั้งที่เหลือ การตัดคอร์สทั้งสองครั้งยังคงอยู่</translation>
    </message>
    <message>
        <source>two terminals took the same sale&apos;s balance while offline, together more than its total; both payments stand</source>
        <translation>สองเครื่องรับชำระยอดค้างของการขายเดียวกันระหว่างออฟไลน์ รวมแล้วเกินยอดรวม การชำระทั้งสองรายการยังคงอยู่</translation>
    </message>
    <message>
        <source>two terminals issued a full tax invoice for the same receipt while offline; both stand: cancel one with the buyer</source>
        <translation>สองเครื่องออกใบกำกับภาษีเต็มรูปสำหรับใบเสร็จเดียวกันระหว่างออฟไลน์ ทั้งสองใบยังคงอยู่ กรุณายกเลิกหนึ่งใบร่วมกับผู้ซื้อ</translation>
    </message>
    <message>
        <source>two terminals booked the same beautician or room for overlapping times while offline; both bookings stand: move one of them</source>
        <translation>สองเครื่องจองช่างเสริมสวยหรือห้องเดียวกันในเวลาที่ทับกันระหว่างออฟไลน์ ทั้งสองนัดยังคงอยู่ กรุณาย้ายนัดใดนัดหนึ่ง</translation>
    </message>
    <message>
        <source>two people claimed the same task on two terminals while offline; the later claim holds it: reassign it if needed and tell the other</source>
        <translation>สองคนรับงานเดียวกันจากสองเครื่องระหว่างออฟไลน์ ผู้ที่รับทีหลังได้งานไป หากจำเป็นให้เปลี่ยนผู้รับงานและแจ้งอีกคน</translation>
    </message>
    <message>
        <source>another terminal made the same record offline with different contents; the first to reach the server stands</source>
        <translation>เครื่องอื่นบันทึกรายการเดียวกันระหว่างออฟไลน์โดยเนื้อหาต่างกัน ใช้รายการที่ถึงเซิร์ฟเวอร์ก่อน</translation>
    </message>
    <message>
        <source>this version of the app does not know this kind of record; it is kept until the app is updated</source>
        <translation>โปรแกรมเวอร์ชันนี้ไม่รู้จักข้อมูลประเภทนี้ ระบบเก็บไว้จนกว่าจะอัปเดตโปรแกรม</translation>
    </message>
    <message>
        <source>this version of the app cannot store it; it is kept until the app is updated</source>
        <translation>โปรแกรมเวอร์ชันนี้บันทึกข้อมูลนี้ไม่ได้ ระบบเก็บไว้จนกว่าจะอัปเดตโปรแกรม</translation>
    </message>
    <message>
        <source>Change with fields this app version does not know</source>
        <translation>ข้อมูลที่มีฟิลด์ที่โปรแกรมเวอร์ชันนี้ไม่รู้จัก</translation>
    </message>
</context>
<context>
    <name>sync_fields</name>
    <message>
        <source>Customer</source>
        <translation>ลูกค้า</translation>
    </message>
    <message>
        <source>Catalog item</source>
        <translation>รายการสินค้าและบริการ</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>พนักงาน</translation>
    </message>
    <message>
        <source>Clinic profile</source>
        <translation>ข้อมูลคลินิก</translation>
    </message>
    <message>
        <source>Branch profile</source>
        <translation>ข้อมูลสาขา</translation>
    </message>
    <message>
        <source>Chain profile</source>
        <translation>ข้อมูลเครือคลินิก</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>ความยินยอม</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>การมาใช้บริการ</translation>
    </message>
    <message>
        <source>Stock movement</source>
        <translation>การปรับสต็อก</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>รายการผิดปกติ</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>แต้ม</translation>
    </message>
    <message>
        <source>Points expiry</source>
        <translation>แต้มหมดอายุ</translation>
    </message>
    <message>
        <source>Tier change</source>
        <translation>การเปลี่ยนระดับสมาชิก</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>การแนะนำเพื่อน</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>ความสำเร็จ</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>คูปอง</translation>
    </message>
    <message>
        <source>Coupon use</source>
        <translation>การใช้คูปอง</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>ของรางวัล</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>กะ</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>การขาย</translation>
    </message>
    <message>
        <source>Sale line</source>
        <translation>รายการขาย</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>การชำระเงิน</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>การคืนเงิน</translation>
    </message>
    <message>
        <source>Course sessions</source>
        <translation>คอร์ส</translation>
    </message>
    <message>
        <source>Cash in/out</source>
        <translation>นำเงินเข้า/ออก</translation>
    </message>
    <message>
        <source>Full tax invoice</source>
        <translation>ใบกำกับภาษีเต็มรูป</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>เคสลูกค้า</translation>
    </message>
    <message>
        <source>Journey move</source>
        <translation>การเลื่อนขั้นเคส</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>ห้อง</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>นัดหมาย</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>งาน</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>ใบเสนอ</translation>
    </message>
    <message>
        <source>Signed consent form</source>
        <translation>หนังสือยินยอมที่ลงนามแล้ว</translation>
    </message>
    <message>
        <source>Thai name</source>
        <translation>ชื่อภาษาไทย</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>ชื่อภาษาอังกฤษ</translation>
    </message>
    <message>
        <source>nickname</source>
        <translation>ชื่อเล่น</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>เบอร์โทรศัพท์</translation>
    </message>
    <message>
        <source>email</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>LINE ID</source>
        <translation>LINE ID</translation>
    </message>
    <message>
        <source>birthday</source>
        <translation>วันเกิด</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>เพศ</translation>
    </message>
    <message>
        <source>skin notes</source>
        <translation>บันทึกสภาพผิว</translation>
    </message>
    <message>
        <source>contact channels</source>
        <translation>ช่องทางติดต่อ</translation>
    </message>
    <message>
        <source>quiet hours start</source>
        <translation>เวลาเริ่มงดติดต่อ</translation>
    </message>
    <message>
        <source>quiet hours end</source>
        <translation>เวลาสิ้นสุดงดติดต่อ</translation>
    </message>
    <message>
        <source>opted out of messages</source>
        <translation>ไม่รับข่าวสาร</translation>
    </message>
    <message>
        <source>price</source>
        <translation>ราคา</translation>
    </message>
    <message>
        <source>VAT exempt</source>
        <translation>ยกเว้น VAT</translation>
    </message>
    <message>
        <source>active</source>
        <translation>สถานะการใช้งาน</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>ระยะเวลา</translation>
    </message>
    <message>
        <source>protocol steps</source>
        <translation>ขั้นตอนโปรโตคอล</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>รหัสสินค้า (SKU)</translation>
    </message>
    <message>
        <source>barcode</source>
        <translation>บาร์โค้ด</translation>
    </message>
    <message>
        <source>package treatment</source>
        <translation>ทรีตเมนต์ในแพ็กเกจ</translation>
    </message>
    <message>
        <source>package sessions</source>
        <translation>จำนวนครั้งในแพ็กเกจ</translation>
    </message>
    <message>
        <source>points</source>
        <translation>แต้ม</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <source>source</source>
        <translation>ที่มา</translation>
    </message>
    <message>
        <source>name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>role</source>
        <translation>บทบาท</translation>
    </message>
</context>
<context>
    <name>sync_reasons</name>
    <message>
        <source>its contents could not be read</source>
        <translation>อ่านเนื้อหาของรายการไม่ได้</translation>
    </message>
    <message>
        <source>it was incomplete</source>
        <translation>ข้อมูลของรายการไม่ครบ</translation>
    </message>
    <message>
        <source>{field} {problem}</source>
        <translation>{field}{problem}</translation>
    </message>
    <message>
        <source>it named the wrong kind of record</source>
        <translation>ระบุประเภทข้อมูลผิด</translation>
    </message>
    <message>
        <source>it named a record of another clinic</source>
        <translation>อ้างถึงข้อมูลของคลินิกอื่น</translation>
    </message>
    <message>
        <source>the record had been deleted</source>
        <translation>ข้อมูลนี้ถูกลบไปแล้ว</translation>
    </message>
    <message>
        <source>the server does not have this record</source>
        <translation>เซิร์ฟเวอร์ไม่มีข้อมูลนี้</translation>
    </message>
    <message>
        <source>a customer cannot refer themselves</source>
        <translation>ลูกค้าแนะนำตัวเองไม่ได้</translation>
    </message>
    <message>
        <source>the server does not know this kind of change yet: update the clinic server</source>
        <translation>เซิร์ฟเวอร์ยังไม่รู้จักการเปลี่ยนแปลงประเภทนี้: กรุณาอัปเดตเซิร์ฟเวอร์คลินิก</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>ไม่มีค่า</translation>
    </message>
    <message>
        <source>may not be changed this way</source>
        <translation>แก้ไขด้วยวิธีนี้ไม่ได้</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>ต้องเป็นข้อความ</translation>
    </message>
    <message>
        <source>holds a character that cannot be stored</source>
        <translation>มีอักขระที่บันทึกไม่ได้</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>ต้องเป็นจำนวนเต็ม</translation>
    </message>
    <message>
        <source>must be a record id</source>
        <translation>ต้องเป็นรหัสข้อมูล</translation>
    </message>
    <message>
        <source>must be a date</source>
        <translation>ต้องเป็นวันที่</translation>
    </message>
    <message>
        <source>must be a time of day</source>
        <translation>ต้องเป็นเวลา</translation>
    </message>
    <message>
        <source>must be a date and time with its time zone</source>
        <translation>ต้องเป็นวันที่และเวลาพร้อมเขตเวลา</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>ต้องเป็นรายการ</translation>
    </message>
    <message>
        <source>holds data that cannot be stored</source>
        <translation>มีข้อมูลที่บันทึกไม่ได้</translation>
    </message>
    <message>
        <source>is not a field of this record</source>
        <translation>ไม่ใช่ฟิลด์ของข้อมูลนี้</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>The journey&apos;s sales owner</source>
        <translation>พนักงานขายที่ดูแลเคส</translation>
    </message>
    <message>
        <source>The journey&apos;s beautician</source>
        <translation>บิวตี้เทอราปิสต์ของเคส</translation>
    </message>
    <message>
        <source>A staff member</source>
        <translation>พนักงานที่ระบุ</translation>
    </message>
    <message>
        <source>Anyone of the role</source>
        <translation>ใครก็ได้ในตำแหน่งนั้น</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>รอรับงาน</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>รับงานแล้ว</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>กำลังทำ</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>เสร็จแล้ว</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>ยกเลิกแล้ว</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>ด่วนที่สุด</translation>
    </message>
    <message>
        <source>High</source>
        <translation>ด่วน</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>ปกติ</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>ไม่เร่งด่วน</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>ก่อนทำ</translation>
    </message>
    <message>
        <source>After</source>
        <translation>หลังทำ</translation>
    </message>
</context>
<context>
    <name>tiers</name>
    <message>
        <source>Bronze</source>
        <translation>บรอนซ์</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>ซิลเวอร์</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>โกลด์</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>แพลทินัม</translation>
    </message>
    <message>
        <source>Diamond</source>
        <translation>ไดมอนด์</translation>
    </message>
</context>
</TS>
