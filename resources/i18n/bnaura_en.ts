<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AchievementForm</name>
    <message>
        <source>Add achievement</source>
        <translation>Add achievement</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Name (Thai)</source>
        <translation>Name (Thai)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Name (English)</translation>
    </message>
    <message>
        <source>Description (Thai)</source>
        <translation>Description (Thai)</translation>
    </message>
    <message>
        <source>Description (English)</source>
        <translation>Description (English)</translation>
    </message>
    <message>
        <source>Unlocked by</source>
        <translation>Unlocked by</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Within days</source>
        <translation>Within days</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>Hidden until a member unlocks it</source>
        <translation>Hidden until a member unlocks it</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AchievementsModel</name>
    <message>
        <source>{what}: {target} within {days} days</source>
        <translation>{what}: {target} within {days} days</translation>
    </message>
    <message>
        <source>{what}: at least {target}</source>
        <translation>{what}: at least {target}</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>Achievement</translation>
    </message>
    <message>
        <source>Unlocked by</source>
        <translation>Unlocked by</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
</context>
<context>
    <name>AchievementsTab</name>
    <message>
        <source>Add achievement…</source>
        <translation>Add achievement…</translation>
    </message>
    <message>
        <source>Save achievements</source>
        <translation>Save achievements</translation>
    </message>
</context>
<context>
    <name>AdjustPointsDialog</name>
    <message>
        <source>Adjust points</source>
        <translation>Adjust points</translation>
    </message>
    <message>
        <source>Points of {name}</source>
        <translation>Points of {name}</translation>
    </message>
    <message>
        <source>Balance now</source>
        <translation>Balance now</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} points</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>Adjustment</translation>
    </message>
    <message>
        <source>Add points</source>
        <translation>Add points</translation>
    </message>
    <message>
        <source>Take points</source>
        <translation>Take points</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Why, e.g. points of a sale missed on 3 Nov</source>
        <translation>Why, e.g. points of a sale missed on 3 Nov</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BookDialog</name>
    <message>
        <source>Book an appointment</source>
        <translation>Book an appointment</translation>
    </message>
    <message>
        <source>Name or phone</source>
        <translation>Name or phone</translation>
    </message>
    <message>
        <source>{treatment} ({minutes} min)</source>
        <translation>{treatment} ({minutes} min)</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Book</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Starts</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>{customer} (schedules her journey)</source>
        <translation>{customer} (schedules her journey)</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>Treatment</translation>
    </message>
    <message>
        <source>Beautician</source>
        <translation>Beautician</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Find and choose the customer first.</source>
        <translation>Find and choose the customer first.</translation>
    </message>
</context>
<context>
    <name>CampaignTab</name>
    <message>
        <source>Export the campaign&apos;s codes</source>
        <translation>Export the campaign&apos;s codes</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Wrote {count} codes to {path}</source>
        <translation>Wrote {count} codes to {path}</translation>
    </message>
    <message>
        <source>Generated {count} codes for “{campaign}”, e.g. {code}</source>
        <translation>Generated {count} codes for “{campaign}”, e.g. {code}</translation>
    </message>
    <message>
        <source>Campaign name</source>
        <translation>Campaign name</translation>
    </message>
    <message>
        <source>Number of codes</source>
        <translation>Number of codes</translation>
    </message>
    <message>
        <source>Percent off</source>
        <translation>Percent off</translation>
    </message>
    <message>
        <source>Amount off (baht)</source>
        <translation>Amount off (baht)</translation>
    </message>
    <message>
        <source>Free item (SKU)</source>
        <translation>Free item (SKU)</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Minimum spend (baht)</source>
        <translation>Minimum spend (baht)</translation>
    </message>
    <message>
        <source>Uses per customer</source>
        <translation>Uses per customer</translation>
    </message>
    <message>
        <source>Gives</source>
        <translation>Gives</translation>
    </message>
    <message>
        <source>Amount off</source>
        <translation>Amount off</translation>
    </message>
    <message>
        <source>A free item</source>
        <translation>A free item</translation>
    </message>
    <message>
        <source>day/month/year, e.g. 31/01/2570; empty: no limit</source>
        <translation>day/month/year, e.g. 31/01/2570; empty: no limit</translation>
    </message>
    <message>
        <source>empty: no minimum</source>
        <translation>empty: no minimum</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source>e.g. BASIC-FACIAL</source>
        <translation>e.g. BASIC-FACIAL</translation>
    </message>
    <message>
        <source>Generate codes</source>
        <translation>Generate codes</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
</context>
<context>
    <name>CartLines</name>
    <message>
        <source>Discount (F9)</source>
        <translation>Discount (F9)</translation>
    </message>
    <message>
        <source>Remove (Del)</source>
        <translation>Remove (Del)</translation>
    </message>
</context>
<context>
    <name>CashMovementDialog</name>
    <message>
        <source>Cash in / out</source>
        <translation>Cash in / out</translation>
    </message>
    <message>
        <source>Cash put into the drawer or taken out of it that is not a sale&apos;s, with the reason. The drawer should hold {cash} now.</source>
        <translation>Cash put into the drawer or taken out of it that is not a sale&apos;s, with the reason. The drawer should hold {cash} now.</translation>
    </message>
    <message>
        <source>Cash in (F5)</source>
        <translation>Cash in (F5)</translation>
    </message>
    <message>
        <source>Cash out (F6)</source>
        <translation>Cash out (F6)</translation>
    </message>
    <message>
        <source>Amount (฿)</source>
        <translation>Amount (฿)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>e.g. change from the bank, drinking water</source>
        <translation>e.g. change from the bank, drinking water</translation>
    </message>
    <message>
        <source>Cash expected after</source>
        <translation>Cash expected after</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>The cash out was not approved</source>
        <translation>The cash out was not approved</translation>
    </message>
</context>
<context>
    <name>CatalogItemDialog</name>
    <message>
        <source>New catalog item</source>
        <translation>New catalog item</translation>
    </message>
    <message>
        <source>Edit catalog item</source>
        <translation>Edit catalog item</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Name (Thai)</source>
        <translation>Name (Thai)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Name (English)</translation>
    </message>
    <message>
        <source>Price (baht, VAT included)</source>
        <translation>Price (baht, VAT included)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Protocol checklist</source>
        <translation>Protocol checklist</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>Treatment</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>e.g. 1,500.00</source>
        <translation>e.g. 1,500.00</translation>
    </message>
    <message>
        <source>e.g. Laser, Facial, Skincare (optional)</source>
        <translation>e.g. Laser, Facial, Skincare (optional)</translation>
    </message>
    <message>
        <source>e.g. acne, hydration: suggested after a skin scan (optional)</source>
        <translation>e.g. acne, hydration: suggested after a skin scan (optional)</translation>
    </message>
    <message>
        <source>EAN-13, EAN-8 or UPC-A (optional)</source>
        <translation>EAN-13, EAN-8 or UPC-A (optional)</translation>
    </message>
    <message>
        <source>VAT exempt (medical service)</source>
        <translation>VAT exempt (medical service)</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>On sale</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Add step</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <source>Exempt</source>
        <translation>Exempt</translation>
    </message>
    <message>
        <source>7%</source>
        <translation>7%</translation>
    </message>
    <message>
        <source>Not sold at this branch</source>
        <translation>Not sold at this branch</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>On sale</translation>
    </message>
    <message>
        <source>Off sale</source>
        <translation>Off sale</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{count} in stock</source>
        <translation>{count} in stock</translation>
    </message>
    <message>
        <source>{count} sessions</source>
        <translation>{count} sessions</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>VAT</translation>
    </message>
    <message>
        <source>Duration / stock / sessions</source>
        <translation>Duration / stock / sessions</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>CatalogScreen</name>
    <message>
        <source>Take off sale</source>
        <translation>Take off sale</translation>
    </message>
    <message>
        <source>Put on sale</source>
        <translation>Put on sale</translation>
    </message>
    <message>
        <source>Only a manager may change the catalog</source>
        <translation>Only a manager may change the catalog</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Treatments</source>
        <translation>Treatments</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>Packages</translation>
    </message>
    <message>
        <source>Name, SKU or barcode</source>
        <translation>Name, SKU or barcode</translation>
    </message>
    <message>
        <source>Show items off sale</source>
        <translation>Show items off sale</translation>
    </message>
    <message>
        <source>New item…</source>
        <translation>New item…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Receive stock…</source>
        <translation>Receive stock…</translation>
    </message>
    <message>
        <source>Count stock…</source>
        <translation>Count stock…</translation>
    </message>
    <message>
        <source>No item matches “{text}”.</source>
        <translation>No item matches “{text}”.</translation>
    </message>
    <message>
        <source>No items here yet.</source>
        <translation>No items here yet.</translation>
    </message>
    <message>
        <source>Tick “Show items off sale” to look among those too.</source>
        <translation>Tick “Show items off sale” to look among those too.</translation>
    </message>
</context>
<context>
    <name>Checkout</name>
    <message>
        <source>The cart is empty: scan or find an item first</source>
        <translation>The cart is empty: scan or find an item first</translation>
    </message>
    <message>
        <source>Open a shift before selling</source>
        <translation>Open a shift before selling</translation>
    </message>
    <message>
        <source>The coupon does not apply: take it off (clear the coupon box) or fix it</source>
        <translation>The coupon does not apply: take it off (clear the coupon box) or fix it</translation>
    </message>
    <message>
        <source>A manager did not approve the discount</source>
        <translation>A manager did not approve the discount</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <source>{amount} (even)</source>
        <translation>{amount} (even)</translation>
    </message>
    <message>
        <source>{amount} short</source>
        <translation>{amount} short</translation>
    </message>
    <message>
        <source>{amount} over</source>
        <translation>{amount} over</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Shift opened {when} with a float of {float}. Count the drawer: how many of each note and coin.</source>
        <translation>Shift opened {when} with a float of {float}. Count the drawer: how many of each note and coin.</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Expected (float + cash taken ± cash in/out)</source>
        <translation>Expected (float + cash taken ± cash in/out)</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Treatment consent form</source>
        <translation>Treatment consent form</translation>
    </message>
    <message>
        <source>Sign below with a finger, pen or mouse:</source>
        <translation>Sign below with a finger, pen or mouse:</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{customer} — consent to {treatment}</source>
        <translation>{customer} — consent to {treatment}</translation>
    </message>
    <message>
        <source>The customer has not signed yet: sign on the pad first.</source>
        <translation>The customer has not signed yet: sign on the pad first.</translation>
    </message>
</context>
<context>
    <name>ConsentTextDialog</name>
    <message>
        <source>Default (every treatment)</source>
        <translation>Default (every treatment)</translation>
    </message>
    <message>
        <source>A treatment no longer in the catalog</source>
        <translation>A treatment no longer in the catalog</translation>
    </message>
    <message>
        <source>Clear-skin facial</source>
        <translation>Clear-skin facial</translation>
    </message>
    <message>
        <source>Consent form text</source>
        <translation>Consent form text</translation>
    </message>
    <message>
        <source>The text a customer signs before a treatment. A treatment may have its own text; the others use the default. Forms signed earlier keep the text they were signed with.</source>
        <translation>The text a customer signs before a treatment. A treatment may have its own text; the others use the default. Forms signed earlier keep the text they were signed with.</translation>
    </message>
    <message>
        <source>Own text for this treatment</source>
        <translation>Own text for this treatment</translation>
    </message>
    <message>
        <source>Remove its own text</source>
        <translation>Remove its own text</translation>
    </message>
    <message>
        <source>Thai (required)</source>
        <translation>Thai (required)</translation>
    </message>
    <message>
        <source>English (left empty: the default English)</source>
        <translation>English (left empty: the default English)</translation>
    </message>
    <message>
        <source>{customer}, {treatment} and {clinic} are replaced by the customer&apos;s name, the treatment and the clinic when the form is shown and printed.</source>
        <translation>{customer}, {treatment} and {clinic} are replaced by the customer&apos;s name, the treatment and the clinic when the form is shown and printed.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Reset to default</source>
        <translation>Reset to default</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Counter</name>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>A manager approves this discount at payment</source>
        <translation>A manager approves this discount at payment</translation>
    </message>
    <message>
        <source>SKU / barcode</source>
        <translation>SKU / barcode</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>PromptPay</source>
        <translation>PromptPay</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Discount: {reason}</source>
        <translation>Discount: {reason}</translation>
    </message>
    <message>
        <source>Member discount {tier}</source>
        <translation>Member discount {tier}</translation>
    </message>
    <message>
        <source>Coupon {code}</source>
        <translation>Coupon {code}</translation>
    </message>
</context>
<context>
    <name>CounterScreen</name>
    <message>
        <source>Clear the sale</source>
        <translation>Clear the sale</translation>
    </message>
    <message>
        <source>Take everything out of the cart?</source>
        <translation>Take everything out of the cart?</translation>
    </message>
    <message>
        <source>Open the proposal</source>
        <translation>Open the proposal</translation>
    </message>
    <message>
        <source>Replace the cart with the proposal?</source>
        <translation>Replace the cart with the proposal?</translation>
    </message>
    <message>
        <source>Proposal price</source>
        <translation>Proposal price</translation>
    </message>
    <message>
        <source>{customer}&apos;s proposal is in the cart: paying it confirms the journey&apos;s payment.</source>
        <translation>{customer}&apos;s proposal is in the cart: paying it confirms the journey&apos;s payment.</translation>
    </message>
    <message>
        <source>Clear sale</source>
        <translation>Clear sale</translation>
    </message>
    <message>
        <source>Pay (F12)</source>
        <translation>Pay (F12)</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Customer display</translation>
    </message>
    <message>
        <source>Open proposal…</source>
        <translation>Open proposal…</translation>
    </message>
    <message>
        <source>Make a customer&apos;s treatment proposal the cart</source>
        <translation>Make a customer&apos;s treatment proposal the cart</translation>
    </message>
    <message>
        <source>Show the customer display (Ctrl+Shift+D)</source>
        <translation>Show the customer display (Ctrl+Shift+D)</translation>
    </message>
</context>
<context>
    <name>CounterSettingsButton</name>
    <message>
        <source>Counter settings…</source>
        <translation>Counter settings…</translation>
    </message>
</context>
<context>
    <name>CounterSettingsDialog</name>
    <message>
        <source>The change was not approved</source>
        <translation>The change was not approved</translation>
    </message>
    <message>
        <source>Not set: the counter cannot show a PromptPay QR</source>
        <translation>Not set: the counter cannot show a PromptPay QR</translation>
    </message>
    <message>
        <source>Counter settings</source>
        <translation>Counter settings</translation>
    </message>
    <message>
        <source>These rules apply at every branch from the next cart on.</source>
        <translation>These rules apply at every branch from the next cart on.</translation>
    </message>
    <message>
        <source>Every category</source>
        <translation>Every category</translation>
    </message>
    <message>
        <source>Only the categories ticked below</source>
        <translation>Only the categories ticked below</translation>
    </message>
    <message>
        <source>No catalog item has a category yet: give them one in the Catalog.</source>
        <translation>No catalog item has a category yet: give them one in the Catalog.</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN for a discount above</source>
        <translation>A manager&apos;s PIN for a discount above</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <source>Keep it used</source>
        <translation>Keep it used</translation>
    </message>
    <message>
        <source>Give it back as a new coupon</source>
        <translation>Give it back as a new coupon</translation>
    </message>
    <message>
        <source>Tier discount on</source>
        <translation>Tier discount on</translation>
    </message>
    <message>
        <source>In categories</source>
        <translation>In categories</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>Line discount</translation>
    </message>
    <message>
        <source>Course sessions valid for</source>
        <translation>Course sessions valid for</translation>
    </message>
    <message>
        <source>Coupon of a refunded sale</source>
        <translation>Coupon of a refunded sale</translation>
    </message>
    <message>
        <source>PromptPay id</source>
        <translation>PromptPay id</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CouponBox</name>
    <message>
        <source>Coupon applied: {amount} off</source>
        <translation>Coupon applied: {amount} off</translation>
    </message>
    <message>
        <source>Coupon or reward code (F4)</source>
        <translation>Coupon or reward code (F4)</translation>
    </message>
    <message>
        <source>Type or scan the code and Enter</source>
        <translation>Type or scan the code and Enter</translation>
    </message>
</context>
<context>
    <name>CouponsModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Gives</source>
        <translation>Gives</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Used</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Void</translation>
    </message>
</context>
<context>
    <name>CourseHistoryModel</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>Performed by</source>
        <translation>Performed by</translation>
    </message>
    <message>
        <source>Recorded by {name}</source>
        <translation>Recorded by {name}</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>CourseUse</name>
    <message>
        <source>Attach the member first (F3): a course session is used from their courses</source>
        <translation>Attach the member first (F3): a course session is used from their courses</translation>
    </message>
    <message>
        <source>{news}; one taken off the cart</source>
        <translation>{news}; one taken off the cart</translation>
    </message>
    <message>
        <source>Use course session… ({key})</source>
        <translation>Use course session… ({key})</translation>
    </message>
    <message>
        <source>Use a session of the member&apos;s course instead of selling the treatment</source>
        <translation>Use a session of the member&apos;s course instead of selling the treatment</translation>
    </message>
</context>
<context>
    <name>CourseUseDialog</name>
    <message>
        <source>Use a course session</source>
        <translation>Use a course session</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
</context>
<context>
    <name>Courses</name>
    <message>
        <source>Can be used</source>
        <translation>Can be used</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Used up</source>
        <translation>Used up</translation>
    </message>
    <message>
        <source>After the older course</source>
        <translation>After the older course</translation>
    </message>
    <message>
        <source>This course expired on {date}: its sessions cannot be used</source>
        <translation>This course expired on {date}: its sessions cannot be used</translation>
    </message>
    <message>
        <source>No session of this course is left</source>
        <translation>No session of this course is left</translation>
    </message>
    <message>
        <source>An older course of the same treatment is used first: choose that one</source>
        <translation>An older course of the same treatment is used first: choose that one</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>Bought</translation>
    </message>
    <message>
        <source>Session used</source>
        <translation>Session used</translation>
    </message>
    <message>
        <source>Taken back by a refund</source>
        <translation>Taken back by a refund</translation>
    </message>
    <message>
        <source>{left} of {total}</source>
        <translation>{left} of {total}</translation>
    </message>
    <message>
        <source>Session used: “{course}”, {left} left</source>
        <translation>Session used: “{course}”, {left} left</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <source>Not known here</source>
        <translation>Not known here</translation>
    </message>
</context>
<context>
    <name>CoursesModel</name>
    <message>
        <source>Course</source>
        <translation>Course</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>Treatment</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>Bought</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>CoursesPage</name>
    <message>
        <source>Courses</source>
        <translation>Courses</translation>
    </message>
</context>
<context>
    <name>CoursesSection</name>
    <message>
        <source>History of “{course}”</source>
        <translation>History of “{course}”</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>Courses</translation>
    </message>
    <message>
        <source>No courses: a package sold to the member shows here</source>
        <translation>No courses: a package sold to the member shows here</translation>
    </message>
    <message>
        <source>Use a session (Enter)</source>
        <translation>Use a session (Enter)</translation>
    </message>
    <message>
        <source>Use one session of the selected course</source>
        <translation>Use one session of the selected course</translation>
    </message>
</context>
<context>
    <name>CustomerDetailPanel</name>
    <message>
        <source>Search for a customer, or register a new one (Ctrl+N).</source>
        <translation>Search for a customer, or register a new one (Ctrl+N).</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Referral code</source>
        <translation>Referral code</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>LINE ID</source>
        <translation>LINE ID</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Skin notes</source>
        <translation>Skin notes</translation>
    </message>
    <message>
        <source>Registered at</source>
        <translation>Registered at</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>PDPA consent</source>
        <translation>PDPA consent</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Check in</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>nickname {nickname}</source>
        <translation>nickname {nickname}</translation>
    </message>
    <message>
        <source>{count} · last {when}</source>
        <translation>{count} · last {when}</translation>
    </message>
    <message>
        <source>{when} at {branch}</source>
        <translation>{when} at {branch}</translation>
    </message>
    <message>
        <source>No visits yet</source>
        <translation>No visits yet</translation>
    </message>
    <message>
        <source>Opted out of all messages</source>
        <translation>Opted out of all messages</translation>
    </message>
    <message>
        <source>no channels</source>
        <translation>no channels</translation>
    </message>
    <message>
        <source>{channels}; quiet {start}–{end}</source>
        <translation>{channels}; quiet {start}–{end}</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>Not asked</translation>
    </message>
    <message>
        <source>system</source>
        <translation>system</translation>
    </message>
    <message>
        <source>Given {when} by {who}</source>
        <translation>Given {when} by {who}</translation>
    </message>
    <message>
        <source>Withdrawn {when} by {who}</source>
        <translation>Withdrawn {when} by {who}</translation>
    </message>
    <message>
        <source>Checked in at {time}</source>
        <translation>Checked in at {time}</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>Welcome to {clinic}</source>
        <translation>Welcome to {clinic}</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Hello {name} · {tier} member</source>
        <translation>Hello {name} · {tier} member</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>This visit earns {points} points</source>
        <translation>This visit earns {points} points</translation>
    </message>
    <message>
        <source>Scan to pay with PromptPay</source>
        <translation>Scan to pay with PromptPay</translation>
    </message>
    <message>
        <source>Thank you, {name}</source>
        <translation>Thank you, {name}</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Thank you</translation>
    </message>
    <message>
        <source>You earned {points} points</source>
        <translation>You earned {points} points</translation>
    </message>
    <message>
        <source>Your balance is now {points} points</source>
        <translation>Your balance is now {points} points</translation>
    </message>
    <message>
        <source>Your change: {amount}</source>
        <translation>Your change: {amount}</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Customer display</translation>
    </message>
</context>
<context>
    <name>CustomerFormDialog</name>
    <message>
        <source>Register customer</source>
        <translation>Register customer</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>Edit customer</translation>
    </message>
    <message>
        <source>Name (Thai)</source>
        <translation>Name (Thai)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Name (English)</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Nickname</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>LINE ID</source>
        <translation>LINE ID</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Skin notes</source>
        <translation>Skin notes</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>Quiet hours</translation>
    </message>
    <message>
        <source>e.g. สมศรี ใจดี</source>
        <translation>e.g. สมศรี ใจดี</translation>
    </message>
    <message>
        <source>e.g. Somsri Jaidee</source>
        <translation>e.g. Somsri Jaidee</translation>
    </message>
    <message>
        <source>e.g. 081-234-5678</source>
        <translation>e.g. 081-234-5678</translation>
    </message>
    <message>
        <source>day/month/year, e.g. 25/12/2533 or 25/12/1990</source>
        <translation>day/month/year, e.g. 25/12/2533 or 25/12/1990</translation>
    </message>
    <message>
        <source>Communication preferences</source>
        <translation>Communication preferences</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Opted out: send no messages at all</source>
        <translation>Opted out: send no messages at all</translation>
    </message>
    <message>
        <source>PDPA consent</source>
        <translation>PDPA consent</translation>
    </message>
    <message>
        <source>Tick what the customer agreed to. Untick to record a withdrawal.</source>
        <translation>Tick what the customer agreed to. Untick to record a withdrawal.</translation>
    </message>
    <message>
        <source>Open existing customer</source>
        <translation>Open existing customer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CustomerLabels</name>
    <message>
        <source>Not specified</source>
        <translation>Not specified</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
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
        <translation>Email</translation>
    </message>
    <message>
        <source>In-app</source>
        <translation>In-app</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Phone call</translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Nickname</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Referral code</source>
        <translation>Referral code</translation>
    </message>
</context>
<context>
    <name>CustomerScreen</name>
    <message>
        <source>No customer matches “{text}”. Press Ctrl+N to register one.</source>
        <translation>No customer matches “{text}”. Press Ctrl+N to register one.</translation>
    </message>
    <message>
        <source>Name, nickname, phone or referral code</source>
        <translation>Name, nickname, phone or referral code</translation>
    </message>
    <message>
        <source>Already checked in</source>
        <translation>Already checked in</translation>
    </message>
    <message>
        <source>{name} was already checked in today at {time}. Check in again?</source>
        <translation>{name} was already checked in today at {time}. Check in again?</translation>
    </message>
    <message>
        <source>Check in again</source>
        <translation>Check in again</translation>
    </message>
    <message>
        <source>Don&apos;t check in</source>
        <translation>Don&apos;t check in</translation>
    </message>
    <message>
        <source>Register new…</source>
        <translation>Register new…</translation>
    </message>
    <message>
        <source>Register a new customer (Ctrl+N)</source>
        <translation>Register a new customer (Ctrl+N)</translation>
    </message>
    <message>
        <source>Recently changed first · {count} shown</source>
        <translation>Recently changed first · {count} shown</translation>
    </message>
    <message>
        <source>Best match first · the first {count} shown; type more to narrow</source>
        <translation>Best match first · the first {count} shown; type more to narrow</translation>
    </message>
    <message>
        <source>Best match first · {count} found</source>
        <translation>Best match first · {count} found</translation>
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
        <translation>{appointment} (no-show)</translation>
    </message>
    <message>
        <source>By beautician</source>
        <translation>By beautician</translation>
    </message>
    <message>
        <source>By room</source>
        <translation>By room</translation>
    </message>
    <message>
        <source>Next free slot</source>
        <translation>Next free slot</translation>
    </message>
    <message>
        <source>Book…</source>
        <translation>Book…</translation>
    </message>
    <message>
        <source>Cancel appointment</source>
        <translation>Cancel appointment</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>Rooms and hours…</source>
        <translation>Rooms and hours…</translation>
    </message>
    <message>
        <source>Any beautician</source>
        <translation>Any beautician</translation>
    </message>
    <message>
        <source>The branch is closed on this day.</source>
        <translation>The branch is closed on this day.</translation>
    </message>
    <message>
        <source>{treatment} ({minutes} min)</source>
        <translation>{treatment} ({minutes} min)</translation>
    </message>
    <message>
        <source>Choose a treatment with a duration first.</source>
        <translation>Choose a treatment with a duration first.</translation>
    </message>
    <message>
        <source>No free slot in the next 60 days.</source>
        <translation>No free slot in the next 60 days.</translation>
    </message>
    <message>
        <source>Next free slot: {when}, {beautician}, {room}</source>
        <translation>Next free slot: {when}, {beautician}, {room}</translation>
    </message>
    <message>
        <source>Booking for {customer}&apos;s journey: choose a free slot, then Book….</source>
        <translation>Booking for {customer}&apos;s journey: choose a free slot, then Book….</translation>
    </message>
    <message>
        <source>Appointment booked; {customer}&apos;s journey is scheduled.</source>
        <translation>Appointment booked; {customer}&apos;s journey is scheduled.</translation>
    </message>
    <message>
        <source>Appointment booked.</source>
        <translation>Appointment booked.</translation>
    </message>
    <message>
        <source>Cancelled late: recorded as a late cancellation.</source>
        <translation>Cancelled late: recorded as a late cancellation.</translation>
    </message>
    <message>
        <source>Appointment cancelled.</source>
        <translation>Appointment cancelled.</translation>
    </message>
    <message>
        <source>Recorded as a no-show.</source>
        <translation>Recorded as a no-show.</translation>
    </message>
    <message>
        <source>Moving {customer}: double-click a free slot</source>
        <translation>Moving {customer}: double-click a free slot</translation>
    </message>
    <message>
        <source>Appointment moved.</source>
        <translation>Appointment moved.</translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <source>Not signed in</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>Signed in: {name} ({role})</source>
        <translation>Signed in: {name} ({role})</translation>
    </message>
</context>
<context>
    <name>EarningTab</name>
    <message>
        <source>Points earned</source>
        <translation>Points earned</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>Tiers</translation>
    </message>
    <message>
        <source>Members qualify for a tier on</source>
        <translation>Members qualify for a tier on</translation>
    </message>
    <message>
        <source>Purchases: 1 point per</source>
        <translation>Purchases: 1 point per</translation>
    </message>
    <message>
        <source>Welcome (on registration)</source>
        <translation>Welcome (on registration)</translation>
    </message>
    <message>
        <source>Check-in (once a day)</source>
        <translation>Check-in (once a day)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Referral (to the referrer)</source>
        <translation>Referral (to the referrer)</translation>
    </message>
    <message>
        <source>Birthday (once a year)</source>
        <translation>Birthday (once a year)</translation>
    </message>
    <message>
        <source> points</source>
        <translation> points</translation>
    </message>
    <message>
        <source>Add tier</source>
        <translation>Add tier</translation>
    </message>
    <message>
        <source>Remove tier</source>
        <translation>Remove tier</translation>
    </message>
    <message>
        <source>Lifetime points (a tier falls only when a refund takes its points back)</source>
        <translation>Lifetime points (a tier falls only when a refund takes its points back)</translation>
    </message>
    <message>
        <source>Points of the last 12 months (a tier can fall, at the end of a month)</source>
        <translation>Points of the last 12 months (a tier can fall, at the end of a month)</translation>
    </message>
    <message>
        <source>Save earning and tiers</source>
        <translation>Save earning and tiers</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <source>Connect to the clinic server</source>
        <translation>Connect to the clinic server</translation>
    </message>
    <message>
        <source>This terminal is new. Type the clinic server&apos;s address and the one-time enrollment code the owner created (bnaura server enroll-code). The clinic&apos;s staff, catalog and customers then arrive by themselves. To start a new clinic without a server instead, run: bnaura init</source>
        <translation>This terminal is new. Type the clinic server&apos;s address and the one-time enrollment code the owner created (bnaura server enroll-code). The clinic&apos;s staff, catalog and customers then arrive by themselves. To start a new clinic without a server instead, run: bnaura init</translation>
    </message>
    <message>
        <source>Connect this terminal to the clinic server: type its address and the one-time enrollment code the owner created. What was done here offline is sent once it is connected.</source>
        <translation>Connect this terminal to the clinic server: type its address and the one-time enrollment code the owner created. What was done here offline is sent once it is connected.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>Enrollment code</translation>
    </message>
    <message>
        <source>Terminal name</source>
        <translation>Terminal name</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ExceptionsScreen</name>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Resolved {time} by {name}: {note}</source>
        <translation>Resolved {time} by {name}: {note}</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Raised</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{count} changes from the clinic server are kept on this terminal without being used: this version of the app cannot store them. First: {first}. Update this terminal; they are applied after the update.</source>
        <translation>{count} changes from the clinic server are kept on this terminal without being used: this version of the app cannot store them. First: {first}. Update this terminal; they are applied after the update.</translation>
    </message>
    <message>
        <source>{count} operations of this terminal wait: the server refuses operation #{seq} ({reason}). Update the server or this terminal; nothing is lost meanwhile.</source>
        <translation>{count} operations of this terminal wait: the server refuses operation #{seq} ({reason}). Update the server or this terminal; nothing is lost meanwhile.</translation>
    </message>
    <message>
        <source>Only a manager or the owner can resolve exceptions</source>
        <translation>Only a manager or the owner can resolve exceptions</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>Every kind</translation>
    </message>
    <message>
        <source>Mark resolved…</source>
        <translation>Mark resolved…</translation>
    </message>
    <message>
        <source>No exceptions here: sync settled everything by itself.</source>
        <translation>No exceptions here: sync settled everything by itself.</translation>
    </message>
    <message>
        <source>{name} (deleted)</source>
        <translation>{name} (deleted)</translation>
    </message>
    <message>
        <source>{entity} of {name}</source>
        <translation>{entity} of {name}</translation>
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
        <translation>{subject}: lost fields {fields}</translation>
    </message>
    <message>
        <source>{field} {kept} (not {refused})</source>
        <translation>{field} {kept} (not {refused})</translation>
    </message>
    <message>
        <source>{subject}: kept {changes}</source>
        <translation>{subject}: kept {changes}</translation>
    </message>
    <message>
        <source>{subject}: booked twice offline, both stand ({appointments}); move one of them</source>
        <translation>{subject}: booked twice offline, both stand ({appointments}); move one of them</translation>
    </message>
    <message>
        <source>{subject}: clock {sent} kept as {kept}</source>
        <translation>{subject}: clock {sent} kept as {kept}</translation>
    </message>
    <message>
        <source>{subject}: {why}</source>
        <translation>{subject}: {why}</translation>
    </message>
    <message>
        <source>Terminal …{tag}</source>
        <translation>Terminal …{tag}</translation>
    </message>
    <message>
        <source>{name} (this terminal)</source>
        <translation>{name} (this terminal)</translation>
    </message>
    <message>
        <source>terminal {device}, operation #{seq}</source>
        <translation>terminal {device}, operation #{seq}</translation>
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
        <translation>Full tax invoice…</translation>
    </message>
    <message>
        <source>Issue a full tax invoice in the buyer&apos;s name, replacing a receipt ({key})</source>
        <translation>Issue a full tax invoice in the buyer&apos;s name, replacing a receipt ({key})</translation>
    </message>
</context>
<context>
    <name>FullInvoiceDialog</name>
    <message>
        <source>Enter the receipt&apos;s number (on the receipt, under the date)</source>
        <translation>Enter the receipt&apos;s number (on the receipt, under the date)</translation>
    </message>
    <message>
        <source>Full tax invoice</source>
        <translation>Full tax invoice</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <source>Buyer&apos;s name</source>
        <translation>Buyer&apos;s name</translation>
    </message>
    <message>
        <source>Tax id (13 digits)</source>
        <translation>Tax id (13 digits)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Establishment</source>
        <translation>Establishment</translation>
    </message>
    <message>
        <source>e.g. R00000-K7QM-000123</source>
        <translation>e.g. R00000-K7QM-000123</translation>
    </message>
    <message>
        <source>a person or a company, as on their documents</source>
        <translation>a person or a company, as on their documents</translation>
    </message>
    <message>
        <source>สำนักงานใหญ่ or a branch number such as 00001; empty for a person</source>
        <translation>สำนักงานใหญ่ or a branch number such as 00001; empty for a person</translation>
    </message>
    <message>
        <source>Issue and open the PDF</source>
        <translation>Issue and open the PDF</translation>
    </message>
    <message>
        <source>Print a copy (F8)</source>
        <translation>Print a copy (F8)</translation>
    </message>
    <message>
        <source>A copy, marked สำเนา / COPY, of the invoice that replaced this receipt</source>
        <translation>A copy, marked สำเนา / COPY, of the invoice that replaced this receipt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ItemFinder</name>
    <message>
        <source>Nothing in the catalog matches {text}</source>
        <translation>Nothing in the catalog matches {text}</translation>
    </message>
    <message>
        <source>Scan a barcode, or type a name or SKU and Enter (F2)</source>
        <translation>Scan a barcode, or type a name or SKU and Enter (F2)</translation>
    </message>
    <message>
        <source>3* before a code adds three. Favourites: Ctrl+1 to Ctrl+9. In the cart: + and − change the quantity, Delete removes, F9 gives a discount.</source>
        <translation>3* before a code adds three. Favourites: Ctrl+1 to Ctrl+9. In the cart: + and − change the quantity, Delete removes, F9 gives a discount.</translation>
    </message>
</context>
<context>
    <name>Journeys</name>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Why does {customer}&apos;s journey move to {stage}?</source>
        <translation>Why does {customer}&apos;s journey move to {stage}?</translation>
    </message>
    <message>
        <source>{stage} ({count})</source>
        <translation>{stage} ({count})</translation>
    </message>
    <message>
        <source>{count} overdue</source>
        <translation>{count} overdue</translation>
    </message>
    <message>
        <source>Every owner</source>
        <translation>Every owner</translation>
    </message>
    <message>
        <source>Every beautician</source>
        <translation>Every beautician</translation>
    </message>
    <message>
        <source>Any day</source>
        <translation>Any day</translation>
    </message>
    <message>
        <source>Customer name or phone</source>
        <translation>Customer name or phone</translation>
    </message>
    <message>
        <source>New journey…</source>
        <translation>New journey…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Skin scans…</source>
        <translation>Skin scans…</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Beautician</source>
        <translation>Beautician</translation>
    </message>
    <message>
        <source>Opened since</source>
        <translation>Opened since</translation>
    </message>
    <message>
        <source>Drag a card to another stage, or Ctrl+→ / Ctrl+← to move the selected card; Enter opens its history.</source>
        <translation>Drag a card to another stage, or Ctrl+→ / Ctrl+← to move the selected card; Enter opens its history.</translation>
    </message>
    <message>
        <source>History of {customer}&apos;s journey</source>
        <translation>History of {customer}&apos;s journey</translation>
    </message>
    <message>
        <source>Opened; not moved yet.</source>
        <translation>Opened; not moved yet.</translation>
    </message>
    <message>
        <source>{when}: {from_stage} → {to_stage}, by {who}</source>
        <translation>{when}: {from_stage} → {to_stage}, by {who}</translation>
    </message>
    <message>
        <source>Approved by {manager}</source>
        <translation>Approved by {manager}</translation>
    </message>
    <message>
        <source>Reason: {note}</source>
        <translation>Reason: {note}</translation>
    </message>
    <message>
        <source>Not counted: another terminal moved this journey first</source>
        <translation>Not counted: another terminal moved this journey first</translation>
    </message>
    <message>
        <source>Journey opened.</source>
        <translation>Journey opened.</translation>
    </message>
    <message>
        <source>Select a card first.</source>
        <translation>Select a card first.</translation>
    </message>
    <message>
        <source>{customer}: moved to {stage}.</source>
        <translation>{customer}: moved to {stage}.</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <source>{days} d {hours} h</source>
        <translation>{days} d {hours} h</translation>
    </message>
    <message>
        <source>{customer} · {tier}</source>
        <translation>{customer} · {tier}</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>No owner</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>New journey</source>
        <translation>New journey</translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <translation>Not decided yet</translation>
    </message>
    <message>
        <source>e.g. melasma on both cheeks</source>
        <translation>e.g. melasma on both cheeks</translation>
    </message>
    <message>
        <source>Open journey</source>
        <translation>Open journey</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Interested in</source>
        <translation>Interested in</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Find and choose the customer first.</source>
        <translation>Find and choose the customer first.</translation>
    </message>
    <message>
        <source>Proposal…</source>
        <translation>Proposal…</translation>
    </message>
    <message>
        <source>Open at POS</source>
        <translation>Open at POS</translation>
    </message>
    <message>
        <source>Book treatment…</source>
        <translation>Book treatment…</translation>
    </message>
    <message>
        <source>Proposal saved for {customer}.</source>
        <translation>Proposal saved for {customer}.</translation>
    </message>
</context>
<context>
    <name>LineDiscountDialog</name>
    <message>
        <source>Say why it is discounted</source>
        <translation>Say why it is discounted</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>Line discount</translation>
    </message>
    <message>
        <source>Discount on {item} ({amount})</source>
        <translation>Discount on {item} ({amount})</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Percent</translation>
    </message>
    <message>
        <source>Amount (฿)</source>
        <translation>Amount (฿)</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>No discount</source>
        <translation>No discount</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Choose your name first</source>
        <translation>Choose your name first</translation>
    </message>
    <message>
        <source>Type your PIN</source>
        <translation>Type your PIN</translation>
    </message>
    <message>
        <source>Who is at the counter? Choose your name and type your PIN.</source>
        <translation>Who is at the counter? Choose your name and type your PIN.</translation>
    </message>
    <message>
        <source>No staff on this terminal yet. The clinic owner adds staff with the bnaura command.</source>
        <translation>No staff on this terminal yet. The clinic owner adds staff with the bnaura command.</translation>
    </message>
    <message>
        <source>Choose your name</source>
        <translation>Choose your name</translation>
    </message>
    <message>
        <source>PIN for {name}</source>
        <translation>PIN for {name}</translation>
    </message>
</context>
<context>
    <name>LoyaltyPanel</name>
    <message>
        <source>Save the member card</source>
        <translation>Save the member card</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} points</translation>
    </message>
    <message>
        <source>Highest tier reached</source>
        <translation>Highest tier reached</translation>
    </message>
    <message>
        <source>{points} more points to {tier}</source>
        <translation>{points} more points to {tier}</translation>
    </message>
    <message>
        <source>Earned in the last 12 months: {points} points</source>
        <translation>Earned in the last 12 months: {points} points</translation>
    </message>
    <message>
        <source>Earned since joining: {points} points</source>
        <translation>Earned since joining: {points} points</translation>
    </message>
    <message>
        <source>{points} points expire by {date}</source>
        <translation>{points} points expire by {date}</translation>
    </message>
    <message>
        <source>No points expire by {date}</source>
        <translation>No points expire by {date}</translation>
    </message>
    <message>
        <source>The balance is below zero: rewards can be redeemed once it is positive again</source>
        <translation>The balance is below zero: rewards can be redeemed once it is positive again</translation>
    </message>
    <message>
        <source>Member QR: scan it into the customer search to open this member</source>
        <translation>Member QR: scan it into the customer search to open this member</translation>
    </message>
    <message>
        <source>No points yet</source>
        <translation>No points yet</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>Loyalty</translation>
    </message>
    <message>
        <source>Referral code</source>
        <translation>Referral code</translation>
    </message>
    <message>
        <source>Adjust points…</source>
        <translation>Adjust points…</translation>
    </message>
    <message>
        <source>Member card (PDF)…</source>
        <translation>Member card (PDF)…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
</context>
<context>
    <name>LoyaltyProgramDialog</name>
    <message>
        <source>Loyalty program</source>
        <translation>Loyalty program</translation>
    </message>
    <message>
        <source>The chain&apos;s loyalty program, the same at every branch. Changes apply from the next award; points already earned stay as they are.</source>
        <translation>The chain&apos;s loyalty program, the same at every branch. Changes apply from the next award; points already earned stay as they are.</translation>
    </message>
    <message>
        <source>Earning and tiers</source>
        <translation>Earning and tiers</translation>
    </message>
    <message>
        <source>Rewards</source>
        <translation>Rewards</translation>
    </message>
    <message>
        <source>Achievements</source>
        <translation>Achievements</translation>
    </message>
    <message>
        <source>Coupon campaigns</source>
        <translation>Coupon campaigns</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>LoyaltyRewardsSection</name>
    <message>
        <source>Rewards</source>
        <translation>Rewards</translation>
    </message>
    <message>
        <source>Redemption screen…</source>
        <translation>Redemption screen…</translation>
    </message>
    <message>
        <source>Open the redemption screen for this member: coupons, code check</source>
        <translation>Open the redemption screen for this member: coupons, code check</translation>
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
        <translation>Switch user</translation>
    </message>
    <message>
        <source>Switch user (Ctrl+L)</source>
        <translation>Switch user (Ctrl+L)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Connect to clinic server…</source>
        <translation>Connect to clinic server…</translation>
    </message>
    <message>
        <source>Where staff may sign in…</source>
        <translation>Where staff may sign in…</translation>
    </message>
    <message>
        <source>Loyalty program…</source>
        <translation>Loyalty program…</translation>
    </message>
    <message>
        <source>Automation rules…</source>
        <translation>Automation rules…</translation>
    </message>
    <message>
        <source>Consent form text…</source>
        <translation>Consent form text…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
</context>
<context>
    <name>MemberCard</name>
    <message>
        <source>Member code</source>
        <translation>Member code</translation>
    </message>
    <message>
        <source>Show this card at the counter</source>
        <translation>Show this card at the counter</translation>
    </message>
</context>
<context>
    <name>MemberPicker</name>
    <message>
        <source>Walk-in customer (no member)</source>
        <translation>Walk-in customer (no member)</translation>
    </message>
    <message>
        <source>{tier} · {percent} % off · {points} points</source>
        <translation>{tier} · {percent} % off · {points} points</translation>
    </message>
    <message>
        <source>Pay balance {amount} (overdue since {date})…</source>
        <translation>Pay balance {amount} (overdue since {date})…</translation>
    </message>
    <message>
        <source>Pay balance {amount} (due {date})…</source>
        <translation>Pay balance {amount} (due {date})…</translation>
    </message>
    <message>
        <source>Member: phone, name or QR (F3)</source>
        <translation>Member: phone, name or QR (F3)</translation>
    </message>
    <message>
        <source>Type a phone number, a name or a member code, or scan the member&apos;s QR</source>
        <translation>Type a phone number, a name or a member code, or scan the member&apos;s QR</translation>
    </message>
    <message>
        <source>No member</source>
        <translation>No member</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Catalog</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Exceptions</translation>
    </message>
    <message>
        <source>Rewards &amp; coupons</source>
        <translation>Rewards &amp; coupons</translation>
    </message>
    <message>
        <source>POS</source>
        <translation>POS</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Appointments</translation>
    </message>
    <message>
        <source>Journeys</source>
        <translation>Journeys</translation>
    </message>
    <message>
        <source>Task queue</source>
        <translation>Task queue</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <source>Open shift</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Count the cash you put in the drawer to start with (the float).</source>
        <translation>Count the cash you put in the drawer to start with (the float).</translation>
    </message>
    <message>
        <source>Float (฿)</source>
        <translation>Float (฿)</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Choose the manager who approves</source>
        <translation>Choose the manager who approves</translation>
    </message>
    <message>
        <source>Type the manager&apos;s PIN</source>
        <translation>Type the manager&apos;s PIN</translation>
    </message>
    <message>
        <source>No manager on this terminal may approve this.</source>
        <translation>No manager on this terminal may approve this.</translation>
    </message>
    <message>
        <source>Manager approval</source>
        <translation>Manager approval</translation>
    </message>
    <message>
        <source>A manager&apos;s approval is needed</source>
        <translation>A manager&apos;s approval is needed</translation>
    </message>
    <message>
        <source>{user} may not {action} alone. A manager chooses their name and types their PIN to approve this once.</source>
        <translation>{user} may not {action} alone. A manager chooses their name and types their PIN to approve this once.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>{method} {amount} (received {received}, change {change})</source>
        <translation>{method} {amount} (received {received}, change {change})</translation>
    </message>
    <message>
        <source>The customer scans the QR with their banking app and pays {amount} to PromptPay {target}. When the payment shows as received, press Enter.</source>
        <translation>The customer scans the QR with their banking app and pays {amount} to PromptPay {target}. When the payment shows as received, press Enter.</translation>
    </message>
    <message>
        <source>The sale is covered: press Enter to confirm</source>
        <translation>The sale is covered: press Enter to confirm</translation>
    </message>
    <message>
        <source>{remaining} still to pay: take the next payment</source>
        <translation>{remaining} still to pay: take the next payment</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Pay the balance</source>
        <translation>Pay the balance</translation>
    </message>
    <message>
        <source>Total due</source>
        <translation>Total due</translation>
    </message>
    <message>
        <source>Balance outstanding</source>
        <translation>Balance outstanding</translation>
    </message>
    <message>
        <source>Still to pay</source>
        <translation>Still to pay</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>Cash received</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>Exact</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Approval code</source>
        <translation>Approval code</translation>
    </message>
    <message>
        <source>Card&apos;s last 4 digits</source>
        <translation>Card&apos;s last 4 digits</translation>
    </message>
    <message>
        <source>Transfer reference</source>
        <translation>Transfer reference</translation>
    </message>
    <message>
        <source>Set the PromptPay id…</source>
        <translation>Set the PromptPay id…</translation>
    </message>
    <message>
        <source>Pay part of the balance (Ctrl+D)</source>
        <translation>Pay part of the balance (Ctrl+D)</translation>
    </message>
    <message>
        <source>Deposit (Ctrl+D): the rest is due on</source>
        <translation>Deposit (Ctrl+D): the rest is due on</translation>
    </message>
    <message>
        <source>Add payment</source>
        <translation>Add payment</translation>
    </message>
    <message>
        <source>Confirm (Enter)</source>
        <translation>Confirm (Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Skin scan image</source>
        <translation>Skin scan image</translation>
    </message>
    <message>
        <source>{kind} · {taken}</source>
        <translation>{kind} · {taken}</translation>
    </message>
    <message>
        <source>Not on this PC yet: fetching it from the clinic server…</source>
        <translation>Not on this PC yet: fetching it from the clinic server…</translation>
    </message>
    <message>
        <source>This photo cannot be shown yet.
{reason}</source>
        <translation>This photo cannot be shown yet.
{reason}</translation>
    </message>
    <message>
        <source>No photos</source>
        <translation>No photos</translation>
    </message>
    <message>
        <source>Before | After ({at}/{count})</source>
        <translation>Before | After ({at}/{count})</translation>
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
        <translation>{at} of {count}</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Before | After</source>
        <translation>Before | After</translation>
    </message>
    <message>
        <source>The before and after photos side by side</source>
        <translation>The before and after photos side by side</translation>
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
        <translation>Delete</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
</context>
<context>
    <name>PlaceholderScreen</name>
    <message>
        <source>The {screen} screen could not open. Please tell the clinic&apos;s IT support.</source>
        <translation>The {screen} screen could not open. Please tell the clinic&apos;s IT support.</translation>
    </message>
    <message>
        <source>The {screen} screen is coming soon.</source>
        <translation>The {screen} screen is coming soon.</translation>
    </message>
</context>
<context>
    <name>PointsHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Expires on</translation>
    </message>
</context>
<context>
    <name>PromptPayIdDialog</name>
    <message>
        <source>PromptPay id</source>
        <translation>PromptPay id</translation>
    </message>
    <message>
        <source>The PromptPay id the clinic is paid to: a mobile number, a 13-digit national or tax id, or an e-wallet id. Changing it needs the owner&apos;s approval.</source>
        <translation>The PromptPay id the clinic is paid to: a mobile number, a 13-digit national or tax id, or an e-wallet id. Changing it needs the owner&apos;s approval.</translation>
    </message>
    <message>
        <source>e.g. 0105561234567</source>
        <translation>e.g. 0105561234567</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The change was not approved</source>
        <translation>The change was not approved</translation>
    </message>
</context>
<context>
    <name>ProposalDialog</name>
    <message>
        <source>Proposal</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>Treatment plan for {customer}</source>
        <translation>Treatment plan for {customer}</translation>
    </message>
    <message>
        <source>Find a treatment, package or product (name or SKU)</source>
        <translation>Find a treatment, package or product (name or SKU)</translation>
    </message>
    <message>
        <source>Suggested by the scan</source>
        <translation>Suggested by the scan</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Price (฿)</source>
        <translation>Price (฿)</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <source>Note for the customer or the team</source>
        <translation>Note for the customer or the team</translation>
    </message>
    <message>
        <source>Save proposal</source>
        <translation>Save proposal</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{item} · {price} · because {reason}</source>
        <translation>{item} · {price} · because {reason}</translation>
    </message>
    <message>
        <source>Total {total}</source>
        <translation>Total {total}</translation>
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
        <translation>Open a proposal</translation>
    </message>
    <message>
        <source>Customer or item</source>
        <translation>Customer or item</translation>
    </message>
    <message>
        <source>Open at the POS</source>
        <translation>Open at the POS</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>No proposal is waiting for payment at this branch.</source>
        <translation>No proposal is waiting for payment at this branch.</translation>
    </message>
</context>
<context>
    <name>PurchasesModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Still to pay</source>
        <translation>Still to pay</translation>
    </message>
    <message>
        <source>{item} (performed by {name})</source>
        <translation>{item} (performed by {name})</translation>
    </message>
    <message>
        <source>{amount} overdue since {date}</source>
        <translation>{amount} overdue since {date}</translation>
    </message>
    <message>
        <source>{amount} by {date}</source>
        <translation>{amount} by {date}</translation>
    </message>
</context>
<context>
    <name>PurchasesPanel</name>
    <message>
        <source>Purchases</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <source>No purchases yet</source>
        <translation>No purchases yet</translation>
    </message>
    <message>
        <source>Pay balance… (F12)</source>
        <translation>Pay balance… (F12)</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Yes</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;No</translation>
    </message>
</context>
<context>
    <name>RedemptionScreen</name>
    <message>
        <source>No member chosen</source>
        <translation>No member chosen</translation>
    </message>
    <message>
        <source>Find the member: type a name or phone, or scan their member QR (F2)</source>
        <translation>Find the member: type a name or phone, or scan their member QR (F2)</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} points</translation>
    </message>
    <message>
        <source>No coupons yet: a redeemed reward&apos;s coupon shows here</source>
        <translation>No coupons yet: a redeemed reward&apos;s coupon shows here</translation>
    </message>
    <message>
        <source>Member: name, phone or scan the member QR (F2)</source>
        <translation>Member: name, phone or scan the member QR (F2)</translation>
    </message>
    <message>
        <source>Up/Down choose, Enter goes to the rewards</source>
        <translation>Up/Down choose, Enter goes to the rewards</translation>
    </message>
    <message>
        <source>Coupon code (F3)</source>
        <translation>Coupon code (F3)</translation>
    </message>
    <message>
        <source>Type or scan a coupon code</source>
        <translation>Type or scan a coupon code</translation>
    </message>
    <message>
        <source>Rewards (F4; Enter redeems)</source>
        <translation>Rewards (F4; Enter redeems)</translation>
    </message>
    <message>
        <source>The member&apos;s coupons</source>
        <translation>The member&apos;s coupons</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Sale voided: credit note {number}, {amount} back as paid</source>
        <translation>Sale voided: credit note {number}, {amount} back as paid</translation>
    </message>
    <message>
        <source>Refunded: credit note {number}, {amount} back ({method})</source>
        <translation>Refunded: credit note {number}, {amount} back ({method})</translation>
    </message>
    <message>
        <source>{points} points taken back</source>
        <translation>{points} points taken back</translation>
    </message>
    <message>
        <source>Coupon given back: {code}</source>
        <translation>Coupon given back: {code}</translation>
    </message>
    <message>
        <source>Type or scan the receipt number, then press Enter.</source>
        <translation>Type or scan the receipt number, then press Enter.</translation>
    </message>
    <message>
        <source>Receipt {number}</source>
        <translation>Receipt {number}</translation>
    </message>
    <message>
        <source>total {total}, paid {paid}</source>
        <translation>total {total}, paid {paid}</translation>
    </message>
    <message>
        <source>refunded before {amount}</source>
        <translation>refunded before {amount}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Refund (F12)</source>
        <translation>Refund (F12)</translation>
    </message>
    <message>
        <source>Points taken back: {points}</source>
        <translation>Points taken back: {points}</translation>
    </message>
    <message>
        <source>A manager did not approve the refund</source>
        <translation>A manager did not approve the refund</translation>
    </message>
    <message>
        <source>Credit note saved: {file}</source>
        <translation>Credit note saved: {file}</translation>
    </message>
    <message>
        <source>The refund is saved, but its credit note was not made: {why}</source>
        <translation>The refund is saved, but its credit note was not made: {why}</translation>
    </message>
    <message>
        <source>Refund or void a sale</source>
        <translation>Refund or void a sale</translation>
    </message>
    <message>
        <source>Choose how many of each line come back, give the reason, and refund. A sale of this shift on this terminal can be voided whole instead.</source>
        <translation>Choose how many of each line come back, give the reason, and refund. A sale of this shift on this terminal can be voided whole instead.</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <source>Type or scan the receipt number (Ctrl+F)</source>
        <translation>Type or scan the receipt number (Ctrl+F)</translation>
    </message>
    <message>
        <source>Whole sale (everything not refunded yet)</source>
        <translation>Whole sale (everything not refunded yet)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Why the money goes back (required)</source>
        <translation>Why the money goes back (required)</translation>
    </message>
    <message>
        <source>Give back by</source>
        <translation>Give back by</translation>
    </message>
    <message>
        <source>Gives back</source>
        <translation>Gives back</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Void sale (F8)</source>
        <translation>Void sale (F8)</translation>
    </message>
    <message>
        <source>Undo the whole sale: everything paid goes back the way it was paid</source>
        <translation>Undo the whole sale: everything paid goes back the way it was paid</translation>
    </message>
</context>
<context>
    <name>RefundLinesModel</name>
    <message>
        <source>{price} each; the line came to {net}</source>
        <translation>{price} each; the line came to {net}</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Sold</translation>
    </message>
    <message>
        <source>Refunded before</source>
        <translation>Refunded before</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Gives back (฿)</source>
        <translation>Gives back (฿)</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Mark exception resolved</source>
        <translation>Mark exception resolved</translation>
    </message>
    <message>
        <source>What was done about it (kept in the audit log)</source>
        <translation>What was done about it (kept in the audit log)</translation>
    </message>
    <message>
        <source>Mark resolved</source>
        <translation>Mark resolved</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RewardForm</name>
    <message>
        <source>Edit reward</source>
        <translation>Edit reward</translation>
    </message>
    <message>
        <source>Add reward</source>
        <translation>Add reward</translation>
    </message>
    <message>
        <source>Name (Thai)</source>
        <translation>Name (Thai)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Name (English)</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Gives</source>
        <translation>Gives</translation>
    </message>
    <message>
        <source>Percent off</source>
        <translation>Percent off</translation>
    </message>
    <message>
        <source>Amount off (baht)</source>
        <translation>Amount off (baht)</translation>
    </message>
    <message>
        <source>Free item (SKU)</source>
        <translation>Free item (SKU)</translation>
    </message>
    <message>
        <source>Coupon valid (days)</source>
        <translation>Coupon valid (days)</translation>
    </message>
    <message>
        <source>Minimum spend (baht)</source>
        <translation>Minimum spend (baht)</translation>
    </message>
    <message>
        <source>Offered to members</source>
        <translation>Offered to members</translation>
    </message>
    <message>
        <source>e.g. BASIC-FACIAL</source>
        <translation>e.g. BASIC-FACIAL</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RewardRedeemer</name>
    <message>
        <source>Redeem a reward</source>
        <translation>Redeem a reward</translation>
    </message>
    <message>
        <source>Redeem “{reward}” for {name}?</source>
        <translation>Redeem “{reward}” for {name}?</translation>
    </message>
    <message>
        <source>{cost} points are spent; the balance will be {after} points.</source>
        <translation>{cost} points are spent; the balance will be {after} points.</translation>
    </message>
    <message>
        <source>Redeem</source>
        <translation>Redeem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RewardsModel</name>
    <message>
        <source>{days} days</source>
        <translation>{days} days</translation>
    </message>
    <message>
        <source>Not offered</source>
        <translation>Not offered</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Offered</translation>
    </message>
    <message>
        <source>Item not in the catalog</source>
        <translation>Item not in the catalog</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Reward</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Gives</source>
        <translation>Gives</translation>
    </message>
    <message>
        <source>Coupon valid</source>
        <translation>Coupon valid</translation>
    </message>
    <message>
        <source>Minimum spend</source>
        <translation>Minimum spend</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Can redeem?</source>
        <translation>Can redeem?</translation>
    </message>
    <message>
        <source>Not available now</source>
        <translation>Not available now</translation>
    </message>
    <message>
        <source>Blocked: the balance is below zero</source>
        <translation>Blocked: the balance is below zero</translation>
    </message>
    <message>
        <source>{points} more points needed</source>
        <translation>{points} more points needed</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Its coupon is valid {days} days from the day it is redeemed</source>
        <translation>Its coupon is valid {days} days from the day it is redeemed</translation>
    </message>
</context>
<context>
    <name>RewardsTab</name>
    <message>
        <source>Add reward…</source>
        <translation>Add reward…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Stop offering</source>
        <translation>Stop offering</translation>
    </message>
</context>
<context>
    <name>RewardsView</name>
    <message>
        <source>The balance is below zero: rewards can be redeemed once it is positive again</source>
        <translation>The balance is below zero: rewards can be redeemed once it is positive again</translation>
    </message>
    <message>
        <source>Coupon {code} issued: it is in the member&apos;s coupons</source>
        <translation>Coupon {code} issued: it is in the member&apos;s coupons</translation>
    </message>
    <message>
        <source>Redeem…</source>
        <translation>Redeem…</translation>
    </message>
    <message>
        <source>Redeem the selected reward (Enter in the list)</source>
        <translation>Redeem the selected reward (Enter in the list)</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Automation rules</source>
        <translation>Automation rules</translation>
    </message>
    <message>
        <source>When a journey enters a stage, each active rule of that stage makes a task. Changes apply to the next stage entries; tasks already made stay as they are.</source>
        <translation>When a journey enters a stage, each active rule of that stage makes a task. Changes apply to the next stage entries; tasks already made stay as they are.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> hours</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>On entering</source>
        <translation>On entering</translation>
    </message>
    <message>
        <source>Task (Thai)</source>
        <translation>Task (Thai)</translation>
    </message>
    <message>
        <source>Task (English)</source>
        <translation>Task (English)</translation>
    </message>
    <message>
        <source>For</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <source>Queue of the role</source>
        <translation>Queue of the role</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Due after</source>
        <translation>Due after</translation>
    </message>
    <message>
        <source>{customer} and {treatment} in a title are replaced by the customer&apos;s and the treatment&apos;s names.</source>
        <translation>{customer} and {treatment} in a title are replaced by the customer&apos;s and the treatment&apos;s names.</translation>
    </message>
    <message>
        <source>Copy the treatment&apos;s protocol steps as the task&apos;s checklist</source>
        <translation>Copy the treatment&apos;s protocol steps as the task&apos;s checklist</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Add rule</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>Remove rule</translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation>Reset to defaults</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>On entering</source>
        <translation>On entering</translation>
    </message>
    <message>
        <source>Task (Thai)</source>
        <translation>Task (Thai)</translation>
    </message>
    <message>
        <source>Task (English)</source>
        <translation>Task (English)</translation>
    </message>
    <message>
        <source>For</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Due after</source>
        <translation>Due after</translation>
    </message>
    <message>
        <source>{n} d</source>
        <translation>{n} d</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} h</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>Anyone: {role}</source>
        <translation>Anyone: {role}</translation>
    </message>
</context>
<context>
    <name>SaleBar</name>
    <message>
        <source>Sale {number}</source>
        <translation>Sale {number}</translation>
    </message>
    <message>
        <source>Change {amount}</source>
        <translation>Change {amount}</translation>
    </message>
    <message>
        <source>Balance due {amount}</source>
        <translation>Balance due {amount}</translation>
    </message>
    <message>
        <source>Print again (copy)</source>
        <translation>Print again (copy)</translation>
    </message>
    <message>
        <source>Print the last receipt again, marked as a copy (Ctrl+Shift+P)</source>
        <translation>Print the last receipt again, marked as a copy (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Refund / void…</source>
        <translation>Refund / void…</translation>
    </message>
    <message>
        <source>Refund or void a sale, with its credit note (Ctrl+Shift+R)</source>
        <translation>Refund or void a sale, with its credit note (Ctrl+Shift+R)</translation>
    </message>
</context>
<context>
    <name>SaleReceipts</name>
    <message>
        <source>The printer is back: the waiting receipts are printed</source>
        <translation>The printer is back: the waiting receipts are printed</translation>
    </message>
    <message>
        <source>A receipt could not be printed: {why}</source>
        <translation>A receipt could not be printed: {why}</translation>
    </message>
    <message>
        <source>The sale is saved, but its receipt was not printed: {why}</source>
        <translation>The sale is saved, but its receipt was not printed: {why}</translation>
    </message>
    <message>
        <source>The sale is saved, but its receipt was not made: {why}</source>
        <translation>The sale is saved, but its receipt was not made: {why}</translation>
    </message>
</context>
<context>
    <name>ScanCompareModel</name>
    <message>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Latest</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>Over time</translation>
    </message>
    <message>
        <source>Better</source>
        <translation>Better</translation>
    </message>
    <message>
        <source>Worse</source>
        <translation>Worse</translation>
    </message>
</context>
<context>
    <name>ScanPage</name>
    <message>
        <source>Scan images</source>
        <translation>Scan images</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff *.gif)</source>
        <translation>Images (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff *.gif)</translation>
    </message>
    <message>
        <source>No scans yet</source>
        <translation>No scans yet</translation>
    </message>
    <message>
        <source>First scan, {when}: nothing to compare with yet</source>
        <translation>First scan, {when}: nothing to compare with yet</translation>
    </message>
    <message>
        <source>Latest scan, {when}, beside the one before</source>
        <translation>Latest scan, {when}, beside the one before</translation>
    </message>
    <message>
        <source>Not here yet</source>
        <translation>Not here yet</translation>
    </message>
    <message>
        <source>{item} — because {reason}</source>
        <translation>{item} — because {reason}</translation>
    </message>
    <message>
        <source>Suggestions follow a scan</source>
        <translation>Suggestions follow a scan</translation>
    </message>
    <message>
        <source>No treatment to suggest for the latest scan</source>
        <translation>No treatment to suggest for the latest scan</translation>
    </message>
    <message>
        <source>Images: {names}</source>
        <translation>Images: {names}</translation>
    </message>
    <message>
        <source>No images chosen</source>
        <translation>No images chosen</translation>
    </message>
    <message>
        <source>Skin scans</source>
        <translation>Skin scans</translation>
    </message>
    <message>
        <source>This customer has not consented to skin scans and photos (sensitive data). Record their consent on the profile first; nothing can be recorded here until then.</source>
        <translation>This customer has not consented to skin scans and photos (sensitive data). Record their consent on the profile first; nothing can be recorded here until then.</translation>
    </message>
    <message>
        <source>New scan</source>
        <translation>New scan</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>What the scan shows, what the customer says (optional)</source>
        <translation>What the scan shows, what the customer says (optional)</translation>
    </message>
    <message>
        <source>Add images…</source>
        <translation>Add images…</translation>
    </message>
    <message>
        <source>Clear images</source>
        <translation>Clear images</translation>
    </message>
    <message>
        <source>Save scan</source>
        <translation>Save scan</translation>
    </message>
    <message>
        <source>Compared with the previous scan</source>
        <translation>Compared with the previous scan</translation>
    </message>
    <message>
        <source>Images of the latest scan</source>
        <translation>Images of the latest scan</translation>
    </message>
    <message>
        <source>Suggested treatments</source>
        <translation>Suggested treatments</translation>
    </message>
    <message>
        <source>Suggestion rules…</source>
        <translation>Suggestion rules…</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Monday</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>Rooms and opening hours</source>
        <translation>Rooms and opening hours</translation>
    </message>
    <message>
        <source>New room&apos;s name</source>
        <translation>New room&apos;s name</translation>
    </message>
    <message>
        <source>Add room</source>
        <translation>Add room</translation>
    </message>
    <message>
        <source>In use / out of use</source>
        <translation>In use / out of use</translation>
    </message>
    <message>
        <source>Save opening hours</source>
        <translation>Save opening hours</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Rooms</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <source>{room} (out of use)</source>
        <translation>{room} (out of use)</translation>
    </message>
    <message>
        <source>Room added.</source>
        <translation>Room added.</translation>
    </message>
    <message>
        <source>Room saved.</source>
        <translation>Room saved.</translation>
    </message>
    <message>
        <source>Opening hours saved.</source>
        <translation>Opening hours saved.</translation>
    </message>
</context>
<context>
    <name>ShiftBar</name>
    <message>
        <source>No shift open: open one to sell</source>
        <translation>No shift open: open one to sell</translation>
    </message>
    <message>
        <source>Shift open since {time} · float {float} · cash expected {cash}</source>
        <translation>Shift open since {time} · float {float} · cash expected {cash}</translation>
    </message>
    <message>
        <source>Finish or clear the sale before closing the shift</source>
        <translation>Finish or clear the sale before closing the shift</translation>
    </message>
    <message>
        <source>No shift is open on this terminal</source>
        <translation>No shift is open on this terminal</translation>
    </message>
    <message>
        <source>Shift closed: counted {counted}, expected {expected}, difference {difference}</source>
        <translation>Shift closed: counted {counted}, expected {expected}, difference {difference}</translation>
    </message>
    <message>
        <source>Cash in {amount}: {reason}</source>
        <translation>Cash in {amount}: {reason}</translation>
    </message>
    <message>
        <source>Cash out {amount}: {reason}</source>
        <translation>Cash out {amount}: {reason}</translation>
    </message>
    <message>
        <source>Report saved: {file}</source>
        <translation>Report saved: {file}</translation>
    </message>
    <message>
        <source>Open shift…</source>
        <translation>Open shift…</translation>
    </message>
    <message>
        <source>Close shift…</source>
        <translation>Close shift…</translation>
    </message>
    <message>
        <source>Cash in/out…</source>
        <translation>Cash in/out…</translation>
    </message>
    <message>
        <source>Put cash into the drawer or take it out, with the reason (Ctrl+Shift+C)</source>
        <translation>Put cash into the drawer or take it out, with the reason (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>X report</translation>
    </message>
    <message>
        <source>The sales of this shift so far and the treatments performed at the branch, as a PDF</source>
        <translation>The sales of this shift so far and the treatments performed at the branch, as a PDF</translation>
    </message>
    <message>
        <source>Today&apos;s sales on this terminal and the treatments performed at the branch, as a PDF</source>
        <translation>Today&apos;s sales on this terminal and the treatments performed at the branch, as a PDF</translation>
    </message>
    <message>
        <source>Z report</source>
        <translation>Z report</translation>
    </message>
</context>
<context>
    <name>StaffBranchesDialog</name>
    <message>
        <source>Where staff may sign in</source>
        <translation>Where staff may sign in</translation>
    </message>
    <message>
        <source>Pick a staff member, then tick the branches where they may sign in. With no branch ticked they may sign in at every branch.</source>
        <translation>Pick a staff member, then tick the branches where they may sign in. With no branch ticked they may sign in at every branch.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>StaffTile</name>
    <message>
        <source>Locked until {time}</source>
        <translation>Locked until {time}</translation>
    </message>
</context>
<context>
    <name>StockDialog</name>
    <message>
        <source>Receive stock</source>
        <translation>Receive stock</translation>
    </message>
    <message>
        <source>Count stock</source>
        <translation>Count stock</translation>
    </message>
    <message>
        <source>In stock now</source>
        <translation>In stock now</translation>
    </message>
    <message>
        <source>Pieces received</source>
        <translation>Pieces received</translation>
    </message>
    <message>
        <source>Pieces counted</source>
        <translation>Pieces counted</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Supplier and invoice number</source>
        <translation>Supplier and invoice number</translation>
    </message>
    <message>
        <source>Who counted, anything odd</source>
        <translation>Who counted, anything odd</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SuggestionRulesDialog</name>
    <message>
        <source>e.g. hydration</source>
        <translation>e.g. hydration</translation>
    </message>
    <message>
        <source>Suggestion rules</source>
        <translation>Suggestion rules</translation>
    </message>
    <message>
        <source>When the latest scan&apos;s value of a measure is above (or below) the threshold, the treatments tagged with the rule&apos;s tag are suggested. Tags are set on each item in the catalog.</source>
        <translation>When the latest scan&apos;s value of a measure is above (or below) the threshold, the treatments tagged with the rule&apos;s tag are suggested. Tags are set on each item in the catalog.</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Above or below</source>
        <translation>Above or below</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Add rule</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>Remove rule</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>Defaults</translation>
    </message>
</context>
<context>
    <name>SyncDriver</name>
    <message>
        <source>the clinic server needs a newer version of this app: update this terminal</source>
        <translation>the clinic server needs a newer version of this app: update this terminal</translation>
    </message>
    <message>
        <source>the clinic server no longer accepts this terminal: enroll it again</source>
        <translation>the clinic server no longer accepts this terminal: enroll it again</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>never synced</source>
        <translation>never synced</translation>
    </message>
    <message>
        <source>last synced {time}</source>
        <translation>last synced {time}</translation>
    </message>
    <message>
        <source>{count} need a manager (Exceptions)</source>
        <translation>{count} need a manager (Exceptions)</translation>
    </message>
    <message>
        <source>Sync: not set up</source>
        <translation>Sync: not set up</translation>
    </message>
    <message>
        <source>Sync: offline, {pending} waiting ({last})</source>
        <translation>Sync: offline, {pending} waiting ({last})</translation>
    </message>
    <message>
        <source>Sync: up to date ({last})</source>
        <translation>Sync: up to date ({last})</translation>
    </message>
    <message>
        <source>{offline}; next try at {time}</source>
        <translation>{offline}; next try at {time}</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>{pending} operations waiting; {last}</source>
        <translation>{pending} operations waiting; {last}</translation>
    </message>
    <message>
        <source>Sync: syncing, {pending} waiting</source>
        <translation>Sync: syncing, {pending} waiting</translation>
    </message>
    <message>
        <source>Synced with the clinic server</source>
        <translation>Synced with the clinic server</translation>
    </message>
    <message>
        <source>Server unreachable: working offline, will retry at {time}</source>
        <translation>Server unreachable: working offline, will retry at {time}</translation>
    </message>
    <message>
        <source>Sync: problem: {detail}</source>
        <translation>Sync: problem: {detail}</translation>
    </message>
</context>
<context>
    <name>TaskQueue</name>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>{measure}: {value}</source>
        <translation>{measure}: {value}</translation>
    </message>
    <message>
        <source>Scanned {date}</source>
        <translation>Scanned {date}</translation>
    </message>
    <message>
        <source>Journey: {stage}</source>
        <translation>Journey: {stage}</translation>
    </message>
    <message>
        <source>No skin scan yet.</source>
        <translation>No skin scan yet.</translation>
    </message>
    <message>
        <source>No checklist for this task.</source>
        <translation>No checklist for this task.</translation>
    </message>
    <message>
        <source>{kind} (not on this PC yet)</source>
        <translation>{kind} (not on this PC yet)</translation>
    </message>
    <message>
        <source>Consent signed {time}</source>
        <translation>Consent signed {time}</translation>
    </message>
    <message>
        <source>Latest skin scan</source>
        <translation>Latest skin scan</translation>
    </message>
    <message>
        <source>Protocol checklist</source>
        <translation>Protocol checklist</translation>
    </message>
    <message>
        <source>Treatment notes</source>
        <translation>Treatment notes</translation>
    </message>
    <message>
        <source>Save notes</source>
        <translation>Save notes</translation>
    </message>
    <message>
        <source>Before/after photos</source>
        <translation>Before/after photos</translation>
    </message>
    <message>
        <source>Add before photo…</source>
        <translation>Add before photo…</translation>
    </message>
    <message>
        <source>Add after photo…</source>
        <translation>Add after photo…</translation>
    </message>
    <message>
        <source>No consent to photos (sensitive data): ask the customer to sign the consent first.</source>
        <translation>No consent to photos (sensitive data): ask the customer to sign the consent first.</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation>Reassign…</translation>
    </message>
    <message>
        <source>Consent…</source>
        <translation>Consent…</translation>
    </message>
    <message>
        <source>Select a task to see its customer, scan results and checklist.</source>
        <translation>Select a task to see its customer, scan results and checklist.</translation>
    </message>
    <message>
        <source>{customer} · {tier}</source>
        <translation>{customer} · {tier}</translation>
    </message>
    <message>
        <source>Due {when}</source>
        <translation>Due {when}</translation>
    </message>
    <message>
        <source>Started by {name}</source>
        <translation>Started by {name}</translation>
    </message>
    <message>
        <source>Claimed by {name}</source>
        <translation>Claimed by {name}</translation>
    </message>
    <message>
        <source>{done}/{total} steps</source>
        <translation>{done}/{total} steps</translation>
    </message>
    <message>
        <source>Reassign task</source>
        <translation>Reassign task</translation>
    </message>
    <message>
        <source>Who takes over {customer}&apos;s task?</source>
        <translation>Who takes over {customer}&apos;s task?</translation>
    </message>
    <message>
        <source>Back to the role&apos;s queue (nobody)</source>
        <translation>Back to the role&apos;s queue (nobody)</translation>
    </message>
    <message>
        <source>Task claimed.</source>
        <translation>Task claimed.</translation>
    </message>
    <message>
        <source>Task started.</source>
        <translation>Task started.</translation>
    </message>
    <message>
        <source>Task completed.</source>
        <translation>Task completed.</translation>
    </message>
    <message>
        <source>{count} tasks</source>
        <translation>{count} tasks</translation>
    </message>
    <message>
        <source>{count} overdue</source>
        <translation>{count} overdue</translation>
    </message>
    <message>
        <source>No tasks waiting for you.</source>
        <translation>No tasks waiting for you.</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>Task queue</source>
        <translation>Task queue</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <source>Every task of the branch</source>
        <translation>Every task of the branch</translation>
    </message>
    <message>
        <source>Sign in as someone else with their PIN</source>
        <translation>Sign in as someone else with their PIN</translation>
    </message>
    <message>
        <source>Notes saved.</source>
        <translation>Notes saved.</translation>
    </message>
    <message>
        <source>Choose a before photo</source>
        <translation>Choose a before photo</translation>
    </message>
    <message>
        <source>Choose an after photo</source>
        <translation>Choose an after photo</translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <translation>Images ({patterns})</translation>
    </message>
    <message>
        <source>Photo added.</source>
        <translation>Photo added.</translation>
    </message>
    <message>
        <source>Consent form signed and kept.</source>
        <translation>Consent form signed and kept.</translation>
    </message>
    <message>
        <source>Task reassigned.</source>
        <translation>Task reassigned.</translation>
    </message>
</context>
<context>
    <name>TiersModel</name>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>From points</source>
        <translation>From points</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Points ×</source>
        <translation>Points ×</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Line discounts</source>
        <translation>Line discounts</translation>
    </message>
    <message>
        <source>Member discount</source>
        <translation>Member discount</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>VAT 7 % included</source>
        <translation>VAT 7 % included</translation>
    </message>
    <message>
        <source>VAT-exempt part</source>
        <translation>VAT-exempt part</translation>
    </message>
    <message>
        <source>Points this sale earns</source>
        <translation>Points this sale earns</translation>
    </message>
</context>
<context>
    <name>UseSessionDialog</name>
    <message>
        <source>Choose who performed the session</source>
        <translation>Choose who performed the session</translation>
    </message>
    <message>
        <source>Use a course session</source>
        <translation>Use a course session</translation>
    </message>
    <message>
        <source>Use one session of “{course}” ({treatment}) for {name}?</source>
        <translation>Use one session of “{course}” ({treatment}) for {name}?</translation>
    </message>
    <message>
        <source>{left} of {total} sessions left; after this one: {after}</source>
        <translation>{left} of {total} sessions left; after this one: {after}</translation>
    </message>
    <message>
        <source>Performed by</source>
        <translation>Performed by</translation>
    </message>
    <message>
        <source>Choose who performed it</source>
        <translation>Choose who performed it</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Optional, e.g. the area treated</source>
        <translation>Optional, e.g. the area treated</translation>
    </message>
    <message>
        <source>Use the session</source>
        <translation>Use the session</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>achievements</name>
    <message>
        <source>Spending</source>
        <translation>Spending</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <source>Treatments</source>
        <translation>Treatments</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <source>Total spend</source>
        <translation>Total spend</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Visits within a number of days</source>
        <translation>Visits within a number of days</translation>
    </message>
    <message>
        <source>Consecutive months with a visit</source>
        <translation>Consecutive months with a visit</translation>
    </message>
    <message>
        <source>Friends referred</source>
        <translation>Friends referred</translation>
    </message>
    <message>
        <source>Treatments done</source>
        <translation>Treatments done</translation>
    </message>
    <message>
        <source>Different treatments done</source>
        <translation>Different treatments done</translation>
    </message>
    <message>
        <source>Reviews written</source>
        <translation>Reviews written</translation>
    </message>
    <message>
        <source>Days as a member</source>
        <translation>Days as a member</translation>
    </message>
    <message>
        <source>Years with a visit in the birth month</source>
        <translation>Years with a visit in the birth month</translation>
    </message>
</context>
<context>
    <name>catalog</name>
    <message>
        <source>Treatment</source>
        <translation>Treatment</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Package</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Count correction</source>
        <translation>Count correction</translation>
    </message>
    <message>
        <source>Damaged or expired</source>
        <translation>Damaged or expired</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Sold</translation>
    </message>
    <message>
        <source>Returned by a customer</source>
        <translation>Returned by a customer</translation>
    </message>
</context>
<context>
    <name>consent</name>
    <message>
        <source>Keep treatment records</source>
        <translation>Keep treatment records</translation>
    </message>
    <message>
        <source>Skin scans and photos (sensitive data)</source>
        <translation>Skin scans and photos (sensitive data)</translation>
    </message>
    <message>
        <source>Marketing messages</source>
        <translation>Marketing messages</translation>
    </message>
    <message>
        <source>Share profile with other branches</source>
        <translation>Share profile with other branches</translation>
    </message>
</context>
<context>
    <name>coupons</name>
    <message>
        <source>{percent} % off</source>
        <translation>{percent} % off</translation>
    </message>
    <message>
        <source>{amount} off</source>
        <translation>{amount} off</translation>
    </message>
    <message>
        <source>a free {item}</source>
        <translation>a free {item}</translation>
    </message>
    <message>
        <source>Valid: {what}, until {until}, minimum {minimum}</source>
        <translation>Valid: {what}, until {until}, minimum {minimum}</translation>
    </message>
    <message>
        <source>Valid: {what}, until {until}</source>
        <translation>Valid: {what}, until {until}</translation>
    </message>
    <message>
        <source>Valid: {what}, minimum {minimum}</source>
        <translation>Valid: {what}, minimum {minimum}</translation>
    </message>
    <message>
        <source>Valid: {what}</source>
        <translation>Valid: {what}</translation>
    </message>
    <message>
        <source>Coupon code {code} is mistyped; please check it again</source>
        <translation>Coupon code {code} is mistyped; please check it again</translation>
    </message>
    <message>
        <source>There is no coupon {code}</source>
        <translation>There is no coupon {code}</translation>
    </message>
    <message>
        <source>Coupon {code} was voided: {reason}</source>
        <translation>Coupon {code} was voided: {reason}</translation>
    </message>
    <message>
        <source>Coupon {code} was already used at {terminal} ({branch}) on {at}</source>
        <translation>Coupon {code} was already used at {terminal} ({branch}) on {at}</translation>
    </message>
    <message>
        <source>Coupon {code} expired on {date}</source>
        <translation>Coupon {code} expired on {date}</translation>
    </message>
    <message>
        <source>Coupon {code} is valid from {date}</source>
        <translation>Coupon {code} is valid from {date}</translation>
    </message>
    <message>
        <source>Coupon {code} belongs to another member</source>
        <translation>Coupon {code} belongs to another member</translation>
    </message>
    <message>
        <source>Coupon {code} is for members ({limit} per member): find the member first</source>
        <translation>Coupon {code} is for members ({limit} per member): find the member first</translation>
    </message>
    <message>
        <source>This member already used coupon {code} {count} times (the limit)</source>
        <translation>This member already used coupon {code} {count} times (the limit)</translation>
    </message>
    <message>
        <source>Coupon {code} needs a minimum spend of {minimum} (this sale: {subtotal})</source>
        <translation>Coupon {code} needs a minimum spend of {minimum} (this sale: {subtotal})</translation>
    </message>
    <message>
        <source>Nothing in this sale is one that coupon {code} applies to</source>
        <translation>Nothing in this sale is one that coupon {code} applies to</translation>
    </message>
</context>
<context>
    <name>dates</name>
    <message>
        <source>BNAURA_MESSAGE_LANGUAGE_en</source>
        <translation>BNAURA_MESSAGE_LANGUAGE_en</translation>
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
        <translation>Type the birthday as day/month/year, e.g. 25/12/1990 or 25/12/2533</translation>
    </message>
    <message>
        <source>{text} is not a date on the calendar</source>
        <translation>{text} is not a date on the calendar</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Something went wrong: {error}</translation>
    </message>
    <message>
        <source>{path} is not set up yet; run: bnaura init --db {path}</source>
        <translation>{path} is not set up yet; run: bnaura init --db {path}</translation>
    </message>
    <message>
        <source>There is no database at {path}</source>
        <translation>There is no database at {path}</translation>
    </message>
    <message>
        <source>No PIN was set; nothing was changed</source>
        <translation>No PIN was set; nothing was changed</translation>
    </message>
    <message>
        <source>Give the clinic&apos;s name with --clinic NAME</source>
        <translation>Give the clinic&apos;s name with --clinic NAME</translation>
    </message>
    <message>
        <source>A new database needs its first owner: give --owner-name NAME and --owner-pin PIN</source>
        <translation>A new database needs its first owner: give --owner-name NAME and --owner-pin PIN</translation>
    </message>
    <message>
        <source>Give the owner&apos;s PIN with --owner-pin PIN</source>
        <translation>Give the owner&apos;s PIN with --owner-pin PIN</translation>
    </message>
    <message>
        <source>The demo clinic is not available: {error}</source>
        <translation>The demo clinic is not available: {error}</translation>
    </message>
    <message>
        <source>The desktop app cannot start: {error}</source>
        <translation>The desktop app cannot start: {error}</translation>
    </message>
    <message>
        <source>{file} has {bad} bad rows; nothing was imported (fix them, or import the other {good} rows with --skip-bad)</source>
        <translation>{file} has {bad} bad rows; nothing was imported (fix them, or import the other {good} rows with --skip-bad)</translation>
    </message>
    <message>
        <source>{path} already exists; choose another name</source>
        <translation>{path} already exists; choose another name</translation>
    </message>
    <message>
        <source>The demo chain has 1 to {most} branches</source>
        <translation>The demo chain has 1 to {most} branches</translation>
    </message>
    <message>
        <source>The number of demo customers cannot be negative</source>
        <translation>The number of demo customers cannot be negative</translation>
    </message>
    <message>
        <source>{path} already has staff; the demo needs a new database</source>
        <translation>{path} already has staff; the demo needs a new database</translation>
    </message>
    <message>
        <source>A barcode is 8, 12 or 13 digits (EAN-8, UPC-A or EAN-13)</source>
        <translation>A barcode is 8, 12 or 13 digits (EAN-8, UPC-A or EAN-13)</translation>
    </message>
    <message>
        <source>Barcode {code} has a wrong check digit; scan or type it again</source>
        <translation>Barcode {code} has a wrong check digit; scan or type it again</translation>
    </message>
    <message>
        <source>A name may have at most {limit} characters</source>
        <translation>A name may have at most {limit} characters</translation>
    </message>
    <message>
        <source>Enter the price in baht</source>
        <translation>Enter the price in baht</translation>
    </message>
    <message>
        <source>A category may have at most {limit} characters</source>
        <translation>A category may have at most {limit} characters</translation>
    </message>
    <message>
        <source>Tags are short words separated by commas</source>
        <translation>Tags are short words separated by commas</translation>
    </message>
    <message>
        <source>A tag may have at most {limit} characters</source>
        <translation>A tag may have at most {limit} characters</translation>
    </message>
    <message>
        <source>An item may have at most {limit} tags</source>
        <translation>An item may have at most {limit} tags</translation>
    </message>
    <message>
        <source>A price cannot be negative</source>
        <translation>A price cannot be negative</translation>
    </message>
    <message>
        <source>A price may be at most {limit}; please check it</source>
        <translation>A price may be at most {limit}; please check it</translation>
    </message>
    <message>
        <source>Enter how many minutes the treatment takes</source>
        <translation>Enter how many minutes the treatment takes</translation>
    </message>
    <message>
        <source>A treatment takes {low} to {high} minutes</source>
        <translation>A treatment takes {low} to {high} minutes</translation>
    </message>
    <message>
        <source>Protocol step {number} is empty; fill it in or remove it</source>
        <translation>Protocol step {number} is empty; fill it in or remove it</translation>
    </message>
    <message>
        <source>Protocol step {number} is longer than {limit} characters</source>
        <translation>Protocol step {number} is longer than {limit} characters</translation>
    </message>
    <message>
        <source>A protocol may have at most {limit} steps</source>
        <translation>A protocol may have at most {limit} steps</translation>
    </message>
    <message>
        <source>Enter the product&apos;s SKU</source>
        <translation>Enter the product&apos;s SKU</translation>
    </message>
    <message>
        <source>A SKU may have at most {limit} characters</source>
        <translation>A SKU may have at most {limit} characters</translation>
    </message>
    <message>
        <source>Choose the treatment this package contains</source>
        <translation>Choose the treatment this package contains</translation>
    </message>
    <message>
        <source>A package has {low} to {high} sessions</source>
        <translation>A package has {low} to {high} sessions</translation>
    </message>
    <message>
        <source>Unknown kind of catalog item: {kind}</source>
        <translation>Unknown kind of catalog item: {kind}</translation>
    </message>
    <message>
        <source>Enter the item&apos;s name in Thai</source>
        <translation>Enter the item&apos;s name in Thai</translation>
    </message>
    <message>
        <source>Unknown reason for a stock movement: {reason}</source>
        <translation>Unknown reason for a stock movement: {reason}</translation>
    </message>
    <message>
        <source>Enter a whole number of pieces other than zero</source>
        <translation>Enter a whole number of pieces other than zero</translation>
    </message>
    <message>
        <source>Received or returned stock must be a positive number</source>
        <translation>Received or returned stock must be a positive number</translation>
    </message>
    <message>
        <source>Damaged or sold stock must be a negative number</source>
        <translation>Damaged or sold stock must be a negative number</translation>
    </message>
    <message>
        <source>Only {stock} in stock; cannot take out {wanted}</source>
        <translation>Only {stock} in stock; cannot take out {wanted}</translation>
    </message>
    <message>
        <source>Enter the number of pieces counted (0 or more)</source>
        <translation>Enter the number of pieces counted (0 or more)</translation>
    </message>
    <message>
        <source>A note may have at most {limit} characters</source>
        <translation>A note may have at most {limit} characters</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name in Thai or in English</source>
        <translation>Enter the customer&apos;s name in Thai or in English</translation>
    </message>
    <message>
        <source>{email} is not an email address</source>
        <translation>{email} is not an email address</translation>
    </message>
    <message>
        <source>A LINE ID has 4 to 20 letters, digits, dots, dashes or underscores</source>
        <translation>A LINE ID has 4 to 20 letters, digits, dots, dashes or underscores</translation>
    </message>
    <message>
        <source>The birthday cannot be in the future</source>
        <translation>The birthday cannot be in the future</translation>
    </message>
    <message>
        <source>Please check the birthday year</source>
        <translation>Please check the birthday year</translation>
    </message>
    <message>
        <source>Quiet hours need both a start and an end</source>
        <translation>Quiet hours need both a start and an end</translation>
    </message>
    <message>
        <source>Skin notes may have at most {limit} characters</source>
        <translation>Skin notes may have at most {limit} characters</translation>
    </message>
    <message>
        <source>Malformed clock value: {value}</source>
        <translation>Malformed clock value: {value}</translation>
    </message>
    <message>
        <source>{text} is not an amount in baht (e.g. 1,500.00)</source>
        <translation>{text} is not an amount in baht (e.g. 1,500.00)</translation>
    </message>
    <message>
        <source>Phone number is required</source>
        <translation>Phone number is required</translation>
    </message>
    <message>
        <source>Phone number may contain only digits, spaces and dashes</source>
        <translation>Phone number may contain only digits, spaces and dashes</translation>
    </message>
    <message>
        <source>{phone} is not a Thai mobile number (10 digits starting 06, 08 or 09)</source>
        <translation>{phone} is not a Thai mobile number (10 digits starting 06, 08 or 09)</translation>
    </message>
    <message>
        <source>A PIN is 4 to 6 digits</source>
        <translation>A PIN is 4 to 6 digits</translation>
    </message>
    <message>
        <source>This PIN is too easy to guess; choose another</source>
        <translation>This PIN is too easy to guess; choose another</translation>
    </message>
    <message>
        <source>A referral code has 10 letters and digits, e.g. {example}</source>
        <translation>A referral code has 10 letters and digits, e.g. {example}</translation>
    </message>
    <message>
        <source>Referral code {code} has a typo; please check it again</source>
        <translation>Referral code {code} has a typo; please check it again</translation>
    </message>
    <message>
        <source>This catalog item no longer exists</source>
        <translation>This catalog item no longer exists</translation>
    </message>
    <message>
        <source>SKU {sku} is already used by {name}</source>
        <translation>SKU {sku} is already used by {name}</translation>
    </message>
    <message>
        <source>Barcode {code} is already used by {name}</source>
        <translation>Barcode {code} is already used by {name}</translation>
    </message>
    <message>
        <source>A package must contain a treatment that is on sale</source>
        <translation>A package must contain a treatment that is on sale</translation>
    </message>
    <message>
        <source>A catalog item&apos;s kind cannot change; add a new item instead</source>
        <translation>A catalog item&apos;s kind cannot change; add a new item instead</translation>
    </message>
    <message>
        <source>Only products have stock; {name} is not a product</source>
        <translation>Only products have stock; {name} is not a product</translation>
    </message>
    <message>
        <source>You may not {action}; ask a manager to authorise it</source>
        <translation>You may not {action}; ask a manager to authorise it</translation>
    </message>
    <message>
        <source>line {line}: {message}</source>
        <translation>line {line}: {message}</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 (it looks like Thai Windows-874/TIS-620); in Excel use Save As → CSV UTF-8</source>
        <translation>{file} is not UTF-8 (it looks like Thai Windows-874/TIS-620); in Excel use Save As → CSV UTF-8</translation>
    </message>
    <message>
        <source>{file} is not UTF-8; in Excel use Save As → CSV UTF-8</source>
        <translation>{file} is not UTF-8; in Excel use Save As → CSV UTF-8</translation>
    </message>
    <message>
        <source>{value} in {column} is not yes or no</source>
        <translation>{value} in {column} is not yes or no</translation>
    </message>
    <message>
        <source>{value} is not a date; write it as yyyy-mm-dd</source>
        <translation>{value} is not a date; write it as yyyy-mm-dd</translation>
    </message>
    <message>
        <source>{value} in {column} is not a time of day; write it as hh:mm</source>
        <translation>{value} in {column} is not a time of day; write it as hh:mm</translation>
    </message>
    <message>
        <source>{value} is not a gender (female, male, other or unspecified)</source>
        <translation>{value} is not a gender (female, male, other or unspecified)</translation>
    </message>
    <message>
        <source>{value} is not a contact channel (sms, line, email, in_app or call)</source>
        <translation>{value} is not a contact channel (sms, line, email, in_app or call)</translation>
    </message>
    <message>
        <source>{file} has unknown columns: {columns}; the columns are: {known}</source>
        <translation>{file} has unknown columns: {columns}; the columns are: {known}</translation>
    </message>
    <message>
        <source>{file} has the column {column} twice</source>
        <translation>{file} has the column {column} twice</translation>
    </message>
    <message>
        <source>{file} needs a phone column and a name_th or name_en column</source>
        <translation>{file} needs a phone column and a name_th or name_en column</translation>
    </message>
    <message>
        <source>This customer was deleted; remove the row or clear deleted_at</source>
        <translation>This customer was deleted; remove the row or clear deleted_at</translation>
    </message>
    <message>
        <source>{file} is empty</source>
        <translation>{file} is empty</translation>
    </message>
    <message>
        <source>This row has {count} values but the header has {columns} columns</source>
        <translation>This row has {count} values but the header has {columns} columns</translation>
    </message>
    <message>
        <source>{value} is in a column without a name</source>
        <translation>{value} is in a column without a name</translation>
    </message>
    <message>
        <source>{file} line {line} cannot be read as CSV: {error}</source>
        <translation>{file} line {line} cannot be read as CSV: {error}</translation>
    </message>
    <message>
        <source>{phone} is also on line {lines}</source>
        <translation>{phone} is also on line {lines}</translation>
    </message>
    <message>
        <source>{phone} already belongs to {name}</source>
        <translation>{phone} already belongs to {name}</translation>
    </message>
    <message>
        <source>This customer no longer exists</source>
        <translation>This customer no longer exists</translation>
    </message>
    <message>
        <source>A consent is either given or withdrawn ({purpose})</source>
        <translation>A consent is either given or withdrawn ({purpose})</translation>
    </message>
    <message>
        <source>Already checked in today at {time}</source>
        <translation>Already checked in today at {time}</translation>
    </message>
    <message>
        <source>Unknown consent purpose {purpose}</source>
        <translation>Unknown consent purpose {purpose}</translation>
    </message>
    <message>
        <source>Enter the staff member&apos;s name</source>
        <translation>Enter the staff member&apos;s name</translation>
    </message>
    <message>
        <source>This staff member no longer exists</source>
        <translation>This staff member no longer exists</translation>
    </message>
    <message>
        <source>Every course of this treatment has expired</source>
        <translation>Every course of this treatment has expired</translation>
    </message>
    <message>
        <source>No session of this treatment is left</source>
        <translation>No session of this treatment is left</translation>
    </message>
    <message>
        <source>Only an owner may give the owner role</source>
        <translation>Only an owner may give the owner role</translation>
    </message>
    <message>
        <source>You cannot deactivate yourself</source>
        <translation>You cannot deactivate yourself</translation>
    </message>
    <message>
        <source>This chain has no branch {branch}</source>
        <translation>This chain has no branch {branch}</translation>
    </message>
    <message>
        <source>Too many wrong PINs: {name} is locked for {minutes} more minutes</source>
        <translation>Too many wrong PINs: {name} is locked for {minutes} more minutes</translation>
    </message>
    <message>
        <source>{name} is no longer active</source>
        <translation>{name} is no longer active</translation>
    </message>
    <message>
        <source>Wrong PIN; {left} tries left before the account is locked</source>
        <translation>Wrong PIN; {left} tries left before the account is locked</translation>
    </message>
    <message>
        <source>{name} may not sign in at this branch; ask a manager</source>
        <translation>{name} may not sign in at this branch; ask a manager</translation>
    </message>
    <message>
        <source>{name} may not authorise: {action}</source>
        <translation>{name} may not authorise: {action}</translation>
    </message>
    <message>
        <source>Allow 3 to 20 wrong PINs and a lock of 1 to 1440 minutes</source>
        <translation>Allow 3 to 20 wrong PINs and a lock of 1 to 1440 minutes</translation>
    </message>
    <message>
        <source>A course is valid for 0 to 3650 days (0: no expiry)</source>
        <translation>A course is valid for 0 to 3650 days (0: no expiry)</translation>
    </message>
    <message>
        <source>A refunded sale&apos;s coupon is either kept used or restored</source>
        <translation>A refunded sale&apos;s coupon is either kept used or restored</translation>
    </message>
    <message>
        <source>The counter rules name the tier discount&apos;s item kinds and categories and the line discount limit</source>
        <translation>The counter rules name the tier discount&apos;s item kinds and categories and the line discount limit</translation>
    </message>
    <message>
        <source>The tier discount applies to treatments, products or packages</source>
        <translation>The tier discount applies to treatments, products or packages</translation>
    </message>
    <message>
        <source>Choose the categories the tier discount applies to</source>
        <translation>Choose the categories the tier discount applies to</translation>
    </message>
    <message>
        <source>A category of the tier discount is empty</source>
        <translation>A category of the tier discount is empty</translation>
    </message>
    <message>
        <source>A line discount needs a manager above 0 to 100 % (or never)</source>
        <translation>A line discount needs a manager above 0 to 100 % (or never)</translation>
    </message>
    <message>
        <source>A cancellation is late 0 to 168 hours before the appointment</source>
        <translation>A cancellation is late 0 to 168 hours before the appointment</translation>
    </message>
    <message>
        <source>There is no setting {key}</source>
        <translation>There is no setting {key}</translation>
    </message>
    <message>
        <source>The setting {key} is the same at every branch</source>
        <translation>The setting {key} is the same at every branch</translation>
    </message>
    <message>
        <source>{path} is not a BN-Aura database (not an SQLite file)</source>
        <translation>{path} is not a BN-Aura database (not an SQLite file)</translation>
    </message>
    <message>
        <source>{path} is an SQLite database of another program, not a BN-Aura database</source>
        <translation>{path} is an SQLite database of another program, not a BN-Aura database</translation>
    </message>
    <message>
        <source>The database {path} is open in another BN-Aura program (process {pid}); close it first</source>
        <translation>The database {path} is open in another BN-Aura program (process {pid}); close it first</translation>
    </message>
    <message>
        <source>This database was written by a newer version of BN-Aura Desk (schema {revision}); please update this terminal</source>
        <translation>This database was written by a newer version of BN-Aura Desk (schema {revision}); please update this terminal</translation>
    </message>
    <message>
        <source>The database schema is {revision} but this app needs {head}; run: bnaura init --db {path}</source>
        <translation>The database schema is {revision} but this app needs {head}; run: bnaura init --db {path}</translation>
    </message>
    <message>
        <source>{path} already belongs to a clinic; enroll it as it is or use a new database</source>
        <translation>{path} already belongs to a clinic; enroll it as it is or use a new database</translation>
    </message>
    <message>
        <source>This terminal is not connected to a clinic server; run: bnaura enroll URL CODE</source>
        <translation>This terminal is not connected to a clinic server; run: bnaura enroll URL CODE</translation>
    </message>
    <message>
        <source>The clinic server refused: {message}</source>
        <translation>The clinic server refused: {message}</translation>
    </message>
    <message>
        <source>The clinic server is not available (HTTP {http_status}); will try again</source>
        <translation>The clinic server is not available (HTTP {http_status}); will try again</translation>
    </message>
    <message>
        <source>The certificate authority file {path} cannot be used: {reason}</source>
        <translation>The certificate authority file {path} cannot be used: {reason}</translation>
    </message>
    <message>
        <source>The clinic server&apos;s certificate cannot be trusted ({reason}). If the clinic uses its own certificate authority, enroll with its certificate: bnaura enroll URL CODE --ca-file FILE</source>
        <translation>The clinic server&apos;s certificate cannot be trusted ({reason}). If the clinic uses its own certificate authority, enroll with its certificate: bnaura enroll URL CODE --ca-file FILE</translation>
    </message>
    <message>
        <source>Cannot reach the clinic server: {reason}</source>
        <translation>Cannot reach the clinic server: {reason}</translation>
    </message>
    <message>
        <source>This enrollment code is not valid: check it, or ask the owner for a new one</source>
        <translation>This enrollment code is not valid: check it, or ask the owner for a new one</translation>
    </message>
    <message>
        <source>This enrollment code was already used; ask the owner for a new one</source>
        <translation>This enrollment code was already used; ask the owner for a new one</translation>
    </message>
    <message>
        <source>This enrollment code has expired; ask the owner for a new one</source>
        <translation>This enrollment code has expired; ask the owner for a new one</translation>
    </message>
    <message>
        <source>This enrollment code was locked after too many wrong attempts; ask the owner for a new one</source>
        <translation>This enrollment code was locked after too many wrong attempts; ask the owner for a new one</translation>
    </message>
    <message>
        <source>Too many wrong enrollment codes from this computer; wait {minutes} minutes and try again</source>
        <translation>Too many wrong enrollment codes from this computer; wait {minutes} minutes and try again</translation>
    </message>
    <message>
        <source>This terminal belongs to another clinic than the one of this code; the owner can adopt it on the server with: bnaura server clinics add NAME --id {clinic_id}</source>
        <translation>This terminal belongs to another clinic than the one of this code; the owner can adopt it on the server with: bnaura server clinics add NAME --id {clinic_id}</translation>
    </message>
    <message>
        <source>This terminal is already enrolled with this server</source>
        <translation>This terminal is already enrolled with this server</translation>
    </message>
    <message>
        <source>Type the server&apos;s address, starting with https:// (or http:// on this PC)</source>
        <translation>Type the server&apos;s address, starting with https:// (or http:// on this PC)</translation>
    </message>
    <message>
        <source>Type the enrollment code the owner gave you</source>
        <translation>Type the enrollment code the owner gave you</translation>
    </message>
    <message>
        <source>Give this terminal a name, e.g. Counter 1</source>
        <translation>Give this terminal a name, e.g. Counter 1</translation>
    </message>
    <message>
        <source>Write what was done about it</source>
        <translation>Write what was done about it</translation>
    </message>
    <message>
        <source>The note is too long (at most {max} characters)</source>
        <translation>The note is too long (at most {max} characters)</translation>
    </message>
    <message>
        <source>This exception does not exist</source>
        <translation>This exception does not exist</translation>
    </message>
    <message>
        <source>This exception was already resolved</source>
        <translation>This exception was already resolved</translation>
    </message>
    <message>
        <source>Customer {row} of the list: {message}</source>
        <translation>Customer {row} of the list: {message}</translation>
    </message>
    <message>
        <source>This chain has no such branch</source>
        <translation>This chain has no such branch</translation>
    </message>
    <message>
        <source>{phone} is also the phone of customer {other} of the list</source>
        <translation>{phone} is also the phone of customer {other} of the list</translation>
    </message>
    <message>
        <source>A branch number is up to five digits: 00000 for the head office, 00001 for branch 1</source>
        <translation>A branch number is up to five digits: 00000 for the head office, 00001 for branch 1</translation>
    </message>
    <message>
        <source>This branch is not known on this terminal yet</source>
        <translation>This branch is not known on this terminal yet</translation>
    </message>
    <message>
        <source>At most {limit} characters</source>
        <translation>At most {limit} characters</translation>
    </message>
    <message>
        <source>Enter the branch&apos;s Thai name</source>
        <translation>Enter the branch&apos;s Thai name</translation>
    </message>
    <message>
        <source>A tax id is 13 digits</source>
        <translation>A tax id is 13 digits</translation>
    </message>
    <message>
        <source>Tax id {tin} is not valid (its check digit is wrong); check it with the buyer</source>
        <translation>Tax id {tin} is not valid (its check digit is wrong); check it with the buyer</translation>
    </message>
    <message>
        <source>The buyer&apos;s branch is สำนักงานใหญ่ (head office) or a branch number of up to five digits</source>
        <translation>The buyer&apos;s branch is สำนักงานใหญ่ (head office) or a branch number of up to five digits</translation>
    </message>
    <message>
        <source>Enter the buyer&apos;s name</source>
        <translation>Enter the buyer&apos;s name</translation>
    </message>
    <message>
        <source>The buyer&apos;s name is longer than {limit} characters</source>
        <translation>The buyer&apos;s name is longer than {limit} characters</translation>
    </message>
    <message>
        <source>Enter the buyer&apos;s address</source>
        <translation>Enter the buyer&apos;s address</translation>
    </message>
    <message>
        <source>The buyer&apos;s address is longer than {limit} characters</source>
        <translation>The buyer&apos;s address is longer than {limit} characters</translation>
    </message>
    <message>
        <source>The setting {key} is chain-wide: mark it per-branch before a branch sets its own</source>
        <translation>The setting {key} is chain-wide: mark it per-branch before a branch sets its own</translation>
    </message>
    <message>
        <source>Add or take 1 to 1,000,000 points</source>
        <translation>Add or take 1 to 1,000,000 points</translation>
    </message>
    <message>
        <source>Say why the points are adjusted</source>
        <translation>Say why the points are adjusted</translation>
    </message>
    <message>
        <source>The reason has at most 500 characters</source>
        <translation>The reason has at most 500 characters</translation>
    </message>
    <message>
        <source>No customer has the phone {phone}</source>
        <translation>No customer has the phone {phone}</translation>
    </message>
    <message>
        <source>The loyalty program is not complete</source>
        <translation>The loyalty program is not complete</translation>
    </message>
    <message>
        <source>Points per baht must be 1 point for ฿1 to ฿100,000</source>
        <translation>Points per baht must be 1 point for ฿1 to ฿100,000</translation>
    </message>
    <message>
        <source>An award is 0 to 100,000 points; it cannot be negative</source>
        <translation>An award is 0 to 100,000 points; it cannot be negative</translation>
    </message>
    <message>
        <source>A program has 1 to 12 tiers</source>
        <translation>A program has 1 to 12 tiers</translation>
    </message>
    <message>
        <source>A tier needs a name, points, a discount and a multiplier</source>
        <translation>A tier needs a name, points, a discount and a multiplier</translation>
    </message>
    <message>
        <source>A tier&apos;s discount is 0 to 100 % and its multiplier 0 to 10 times</source>
        <translation>A tier&apos;s discount is 0 to 100 % and its multiplier 0 to 10 times</translation>
    </message>
    <message>
        <source>Tiers overlap: the first starts at 0 points and each starts above the one before</source>
        <translation>Tiers overlap: the first starts at 0 points and each starts above the one before</translation>
    </message>
    <message>
        <source>Tiers qualify on lifetime points or on the last 12 months</source>
        <translation>Tiers qualify on lifetime points or on the last 12 months</translation>
    </message>
    <message>
        <source>No customer has the referral code {code}</source>
        <translation>No customer has the referral code {code}</translation>
    </message>
    <message>
        <source>A customer cannot use their own referral code</source>
        <translation>A customer cannot use their own referral code</translation>
    </message>
    <message>
        <source>This customer was already referred by someone else</source>
        <translation>This customer was already referred by someone else</translation>
    </message>
    <message>
        <source>Achievement {key} needs a Thai name</source>
        <translation>Achievement {key} needs a Thai name</translation>
    </message>
    <message>
        <source>The names of achievement {key} have at most 80 characters and its descriptions 300</source>
        <translation>The names of achievement {key} have at most 80 characters and its descriptions 300</translation>
    </message>
    <message>
        <source>The figures of achievement {key} must be whole numbers</source>
        <translation>The figures of achievement {key} must be whole numbers</translation>
    </message>
    <message>
        <source>The achievements must be a list of at most 100 definitions</source>
        <translation>The achievements must be a list of at most 100 definitions</translation>
    </message>
    <message>
        <source>An achievement&apos;s key is 1 to 40 small letters, digits or _, from a letter</source>
        <translation>An achievement&apos;s key is 1 to 40 small letters, digits or _, from a letter</translation>
    </message>
    <message>
        <source>Achievement {key} has no known category</source>
        <translation>Achievement {key} has no known category</translation>
    </message>
    <message>
        <source>Achievement {key} awards 0 to 100,000 points</source>
        <translation>Achievement {key} awards 0 to 100,000 points</translation>
    </message>
    <message>
        <source>Achievement {key} is in the secret category: it must be hidden</source>
        <translation>Achievement {key} is in the secret category: it must be hidden</translation>
    </message>
    <message>
        <source>Achievement {key} has no known condition</source>
        <translation>Achievement {key} has no known condition</translation>
    </message>
    <message>
        <source>The target of achievement {key} must be above zero</source>
        <translation>The target of achievement {key} must be above zero</translation>
    </message>
    <message>
        <source>The window of achievement {key} is 1 to 3,660 days</source>
        <translation>The window of achievement {key} is 1 to 3,660 days</translation>
    </message>
    <message>
        <source>Only a treatments achievement may name a treatment</source>
        <translation>Only a treatments achievement may name a treatment</translation>
    </message>
    <message>
        <source>The achievement key {key} is used twice</source>
        <translation>The achievement key {key} is used twice</translation>
    </message>
    <message>
        <source>The achievements take too much room: shorten descriptions or remove some</source>
        <translation>The achievements take too much room: shorten descriptions or remove some</translation>
    </message>
    <message>
        <source>Achievement {key} names a treatment the catalog does not have</source>
        <translation>Achievement {key} names a treatment the catalog does not have</translation>
    </message>
    <message>
        <source>{text} is not a date (e.g. 2027-01-31 or 31/01/2570)</source>
        <translation>{text} is not a date (e.g. 2027-01-31 or 31/01/2570)</translation>
    </message>
    <message>
        <source>The catalog has no item with SKU {sku}</source>
        <translation>The catalog has no item with SKU {sku}</translation>
    </message>
    <message>
        <source>A percent coupon gives 1 to 100 % off</source>
        <translation>A percent coupon gives 1 to 100 % off</translation>
    </message>
    <message>
        <source>Give the amount off in baht, more than 0</source>
        <translation>Give the amount off in baht, more than 0</translation>
    </message>
    <message>
        <source>Choose the item the coupon gives free</source>
        <translation>Choose the item the coupon gives free</translation>
    </message>
    <message>
        <source>The last valid day cannot be before the first</source>
        <translation>The last valid day cannot be before the first</translation>
    </message>
    <message>
        <source>The minimum spend cannot be negative</source>
        <translation>The minimum spend cannot be negative</translation>
    </message>
    <message>
        <source>A coupon can be used 1 to 1,000,000 times, or without a limit</source>
        <translation>A coupon can be used 1 to 1,000,000 times, or without a limit</translation>
    </message>
    <message>
        <source>Give the reward a name</source>
        <translation>Give the reward a name</translation>
    </message>
    <message>
        <source>A reward costs 1 to 10,000,000 points</source>
        <translation>A reward costs 1 to 10,000,000 points</translation>
    </message>
    <message>
        <source>A reward&apos;s coupon is valid 1 to 3,650 days</source>
        <translation>A reward&apos;s coupon is valid 1 to 3,650 days</translation>
    </message>
    <message>
        <source>This terminal has made all the coupon codes it can</source>
        <translation>This terminal has made all the coupon codes it can</translation>
    </message>
    <message>
        <source>The catalog has no such item</source>
        <translation>The catalog has no such item</translation>
    </message>
    <message>
        <source>Give the campaign a name</source>
        <translation>Give the campaign a name</translation>
    </message>
    <message>
        <source>A campaign has 1 to 1,000,000 codes</source>
        <translation>A campaign has 1 to 1,000,000 codes</translation>
    </message>
    <message>
        <source>There is no such coupon</source>
        <translation>There is no such coupon</translation>
    </message>
    <message>
        <source>Say why the coupon is voided</source>
        <translation>Say why the coupon is voided</translation>
    </message>
    <message>
        <source>This coupon is already void</source>
        <translation>This coupon is already void</translation>
    </message>
    <message>
        <source>A sale&apos;s lines and total cannot be negative</source>
        <translation>A sale&apos;s lines and total cannot be negative</translation>
    </message>
    <message>
        <source>There is no such reward</source>
        <translation>There is no such reward</translation>
    </message>
    <message>
        <source>This reward is not available</source>
        <translation>This reward is not available</translation>
    </message>
    <message>
        <source>The balance is {balance} points: redemptions are blocked until the balance is positive again</source>
        <translation>The balance is {balance} points: redemptions are blocked until the balance is positive again</translation>
    </message>
    <message>
        <source>This reward needs {cost} points; the balance is {balance}</source>
        <translation>This reward needs {cost} points; the balance is {balance}</translation>
    </message>
    <message>
        <source>PromptPay id is required</source>
        <translation>PromptPay id is required</translation>
    </message>
    <message>
        <source>{target} is not a PromptPay id: enter a Thai mobile number (10 digits starting 06, 08 or 09), a 13-digit national or tax id, or a 15-digit e-wallet id</source>
        <translation>{target} is not a PromptPay id: enter a Thai mobile number (10 digits starting 06, 08 or 09), a 13-digit national or tax id, or a 15-digit e-wallet id</translation>
    </message>
    <message>
        <source>A PromptPay QR needs an amount above ฿0.00, not {amount}</source>
        <translation>A PromptPay QR needs an amount above ฿0.00, not {amount}</translation>
    </message>
    <message>
        <source>{amount} is more than a PromptPay QR can carry (at most {maximum})</source>
        <translation>{amount} is more than a PromptPay QR can carry (at most {maximum})</translation>
    </message>
    <message>
        <source>Line {line}: the quantity is 1 to 9,999</source>
        <translation>Line {line}: the quantity is 1 to 9,999</translation>
    </message>
    <message>
        <source>Line {line}: a price is ฿0 to ฿10,000,000</source>
        <translation>Line {line}: a price is ฿0 to ฿10,000,000</translation>
    </message>
    <message>
        <source>Line {line}: a discount is 0 to 100 %</source>
        <translation>Line {line}: a discount is 0 to 100 %</translation>
    </message>
    <message>
        <source>Line {line}: a discount is ฿0 to the line&apos;s {amount}</source>
        <translation>Line {line}: a discount is ฿0 to the line&apos;s {amount}</translation>
    </message>
    <message>
        <source>Line {line}: say why it is discounted</source>
        <translation>Line {line}: say why it is discounted</translation>
    </message>
    <message>
        <source>Line {line}: the reason has at most 200 characters</source>
        <translation>Line {line}: the reason has at most 200 characters</translation>
    </message>
    <message>
        <source>Payment {number}: enter an amount above ฿0.00</source>
        <translation>Payment {number}: enter an amount above ฿0.00</translation>
    </message>
    <message>
        <source>Payment {number}: the cash received is less than {amount}</source>
        <translation>Payment {number}: the cash received is less than {amount}</translation>
    </message>
    <message>
        <source>Payment {number}: enter the card terminal&apos;s approval code</source>
        <translation>Payment {number}: enter the card terminal&apos;s approval code</translation>
    </message>
    <message>
        <source>Payment {number}: enter the card&apos;s last 4 digits</source>
        <translation>Payment {number}: enter the card&apos;s last 4 digits</translation>
    </message>
    <message>
        <source>Payment {number}: enter the transfer&apos;s reference (up to 60 characters)</source>
        <translation>Payment {number}: enter the transfer&apos;s reference (up to 60 characters)</translation>
    </message>
    <message>
        <source>The payments come to {paid}, more than the {due} due</source>
        <translation>The payments come to {paid}, more than the {due} due</translation>
    </message>
    <message>
        <source>{balance} is still to pay; take the rest or make it a deposit with a due date</source>
        <translation>{balance} is still to pay; take the rest or make it a deposit with a due date</translation>
    </message>
    <message>
        <source>A deposit pays part of the sale now and the rest later</source>
        <translation>A deposit pays part of the sale now and the rest later</translation>
    </message>
    <message>
        <source>The balance&apos;s due date must be after today</source>
        <translation>The balance&apos;s due date must be after today</translation>
    </message>
    <message>
        <source>Nothing is left to pay on this sale</source>
        <translation>Nothing is left to pay on this sale</translation>
    </message>
    <message>
        <source>Enter the payment of the balance</source>
        <translation>Enter the payment of the balance</translation>
    </message>
    <message>
        <source>The payments come to {paid}, more than the {due} still to pay</source>
        <translation>The payments come to {paid}, more than the {due} still to pay</translation>
    </message>
    <message>
        <source>The cart is empty</source>
        <translation>The cart is empty</translation>
    </message>
    <message>
        <source>A sale has at most {count} lines</source>
        <translation>A sale has at most {count} lines</translation>
    </message>
    <message>
        <source>A proposal needs at least one item</source>
        <translation>A proposal needs at least one item</translation>
    </message>
    <message>
        <source>A proposal has at most {count} lines</source>
        <translation>A proposal has at most {count} lines</translation>
    </message>
    <message>
        <source>Line {line}: this item is not in the catalog</source>
        <translation>Line {line}: this item is not in the catalog</translation>
    </message>
    <message>
        <source>Line {line}: {name} is not sold at this branch</source>
        <translation>Line {line}: {name} is not sold at this branch</translation>
    </message>
    <message>
        <source>Line {line}: the quantity must be from 1 to {max}</source>
        <translation>Line {line}: the quantity must be from 1 to {max}</translation>
    </message>
    <message>
        <source>Line {line}: the price must not be below zero</source>
        <translation>Line {line}: the price must not be below zero</translation>
    </message>
    <message>
        <source>Open a shift before selling</source>
        <translation>Open a shift before selling</translation>
    </message>
    <message>
        <source>Choose the customer who buys the package</source>
        <translation>Choose the customer who buys the package</translation>
    </message>
    <message>
        <source>The float is ฿0 to ฿100,000</source>
        <translation>The float is ฿0 to ฿100,000</translation>
    </message>
    <message>
        <source>A shift is already open on this terminal</source>
        <translation>A shift is already open on this terminal</translation>
    </message>
    <message>
        <source>No shift is open on this terminal</source>
        <translation>No shift is open on this terminal</translation>
    </message>
    <message>
        <source>There is no such shift on this terminal</source>
        <translation>There is no such shift on this terminal</translation>
    </message>
    <message>
        <source>{value} is not a Thai note or coin, or its count is wrong</source>
        <translation>{value} is not a Thai note or coin, or its count is wrong</translation>
    </message>
    <message>
        <source>This branch is not known here</source>
        <translation>This branch is not known here</translation>
    </message>
    <message>
        <source>Enter the branch&apos;s 13-digit tax id and branch code before printing tax documents</source>
        <translation>Enter the branch&apos;s 13-digit tax id and branch code before printing tax documents</translation>
    </message>
    <message>
        <source>There is no receipt {number}</source>
        <translation>There is no receipt {number}</translation>
    </message>
    <message>
        <source>This terminal has no receipt yet</source>
        <translation>This terminal has no receipt yet</translation>
    </message>
    <message>
        <source>There is no printer {name} on this terminal</source>
        <translation>There is no printer {name} on this terminal</translation>
    </message>
    <message>
        <source>This terminal has no default receipt printer: bnaura printer add NAME ... --default</source>
        <translation>This terminal has no default receipt printer: bnaura printer add NAME ... --default</translation>
    </message>
    <message>
        <source>There is no credit note {number}</source>
        <translation>There is no credit note {number}</translation>
    </message>
    <message>
        <source>There is no such credit note</source>
        <translation>There is no such credit note</translation>
    </message>
    <message>
        <source>There is no such sale</source>
        <translation>There is no such sale</translation>
    </message>
    <message>
        <source>Open a shift before taking a payment</source>
        <translation>Open a shift before taking a payment</translation>
    </message>
    <message>
        <source>Receipt {number} was voided or refunded: it takes no more payments</source>
        <translation>Receipt {number} was voided or refunded: it takes no more payments</translation>
    </message>
    <message>
        <source>Nothing is left to pay on receipt {number}</source>
        <translation>Nothing is left to pay on receipt {number}</translation>
    </message>
    <message>
        <source>Check this terminal&apos;s clock and try again</source>
        <translation>Check this terminal&apos;s clock and try again</translation>
    </message>
    <message>
        <source>There is no such print job</source>
        <translation>There is no such print job</translation>
    </message>
    <message>
        <source>Printer {printer} did not print the test page: {reason}</source>
        <translation>Printer {printer} did not print the test page: {reason}</translation>
    </message>
    <message>
        <source>Printer {printer} is offline: the receipt waits in the queue</source>
        <translation>Printer {printer} is offline: the receipt waits in the queue</translation>
    </message>
    <message>
        <source>A printer needs a name of at most 60 characters</source>
        <translation>A printer needs a name of at most 60 characters</translation>
    </message>
    <message>
        <source>A receipt printer prints 576 dots (80 mm) or 512 (72 mm)</source>
        <translation>A receipt printer prints 576 dots (80 mm) or 512 (72 mm)</translation>
    </message>
    <message>
        <source>Give the printer&apos;s device path, e.g. /dev/usb/lp0</source>
        <translation>Give the printer&apos;s device path, e.g. /dev/usb/lp0</translation>
    </message>
    <message>
        <source>Give the printer&apos;s address as host or host:port, e.g. 192.168.1.50:9100</source>
        <translation>Give the printer&apos;s address as host or host:port, e.g. 192.168.1.50:9100</translation>
    </message>
    <message>
        <source>{text} is not a percent (e.g. 10 or 12.5)</source>
        <translation>{text} is not a percent (e.g. 10 or 12.5)</translation>
    </message>
    <message>
        <source>A discount is 0 to 100 %</source>
        <translation>A discount is 0 to 100 %</translation>
    </message>
    <message>
        <source>That is more than the {remaining} still to pay</source>
        <translation>That is more than the {remaining} still to pay</translation>
    </message>
    <message>
        <source>{balance} is still to pay: take the rest, or tick Pay part of the balance</source>
        <translation>{balance} is still to pay: take the rest, or tick Pay part of the balance</translation>
    </message>
    <message>
        <source>No PromptPay id is set for this branch yet: the owner sets it (Set the PromptPay id…)</source>
        <translation>No PromptPay id is set for this branch yet: the owner sets it (Set the PromptPay id…)</translation>
    </message>
    <message>
        <source>Give the reason for the refund</source>
        <translation>Give the reason for the refund</translation>
    </message>
    <message>
        <source>Choose cash in or cash out</source>
        <translation>Choose cash in or cash out</translation>
    </message>
    <message>
        <source>The amount is more than ฿0 and at most {most}</source>
        <translation>The amount is more than ฿0 and at most {most}</translation>
    </message>
    <message>
        <source>Say why the cash goes in or out</source>
        <translation>Say why the cash goes in or out</translation>
    </message>
    <message>
        <source>The reason is at most {count} characters</source>
        <translation>The reason is at most {count} characters</translation>
    </message>
    <message>
        <source>The drawer should hold only {cash}: you cannot take out {amount}</source>
        <translation>The drawer should hold only {cash}: you cannot take out {amount}</translation>
    </message>
    <message>
        <source>Choose the lines to refund</source>
        <translation>Choose the lines to refund</translation>
    </message>
    <message>
        <source>This line is not part of the sale</source>
        <translation>This line is not part of the sale</translation>
    </message>
    <message>
        <source>Line {line} is named twice</source>
        <translation>Line {line} is named twice</translation>
    </message>
    <message>
        <source>Line {line}: refund at least one</source>
        <translation>Line {line}: refund at least one</translation>
    </message>
    <message>
        <source>Line {line}: only {count} left to refund</source>
        <translation>Line {line}: only {count} left to refund</translation>
    </message>
    <message>
        <source>Nothing of this sale is left to refund</source>
        <translation>Nothing of this sale is left to refund</translation>
    </message>
    <message>
        <source>That is more than was paid: at most {amount} can be refunded</source>
        <translation>That is more than was paid: at most {amount} can be refunded</translation>
    </message>
    <message>
        <source>A sale is refunded only at the branch that sold it</source>
        <translation>A sale is refunded only at the branch that sold it</translation>
    </message>
    <message>
        <source>This sale was voided already</source>
        <translation>This sale was voided already</translation>
    </message>
    <message>
        <source>Choose how the money goes back</source>
        <translation>Choose how the money goes back</translation>
    </message>
    <message>
        <source>Open a shift before giving cash back</source>
        <translation>Open a shift before giving cash back</translation>
    </message>
    <message>
        <source>A sale is voided only in its own open shift at its terminal; refund it instead</source>
        <translation>A sale is voided only in its own open shift at its terminal; refund it instead</translation>
    </message>
    <message>
        <source>This sale has refunds already; refund the rest instead</source>
        <translation>This sale has refunds already; refund the rest instead</translation>
    </message>
    <message>
        <source>Part of this sale was paid in another shift; refund it instead</source>
        <translation>Part of this sale was paid in another shift; refund it instead</translation>
    </message>
    <message>
        <source>There is no full tax invoice {number}</source>
        <translation>There is no full tax invoice {number}</translation>
    </message>
    <message>
        <source>Receipt {number} has no full tax invoice</source>
        <translation>Receipt {number} has no full tax invoice</translation>
    </message>
    <message>
        <source>A full tax invoice is issued only at the branch that issued the receipt</source>
        <translation>A full tax invoice is issued only at the branch that issued the receipt</translation>
    </message>
    <message>
        <source>Receipt {number} was voided (credit note {credit_note})</source>
        <translation>Receipt {number} was voided (credit note {credit_note})</translation>
    </message>
    <message>
        <source>Receipt {number} was already replaced by full tax invoice {invoice}; print a copy of it</source>
        <translation>Receipt {number} was already replaced by full tax invoice {invoice}; print a copy of it</translation>
    </message>
    <message>
        <source>There is no such full tax invoice</source>
        <translation>There is no such full tax invoice</translation>
    </message>
    <message>
        <source>This journey was moved meanwhile; look at where it is now and move it again</source>
        <translation>This journey was moved meanwhile; look at where it is now and move it again</translation>
    </message>
    <message>
        <source>A journey moves forward one stage at a time; a manager may move it back or reopen it</source>
        <translation>A journey moves forward one stage at a time; a manager may move it back or reopen it</translation>
    </message>
    <message>
        <source>Write the reason for cancelling, moving back or reopening</source>
        <translation>Write the reason for cancelling, moving back or reopening</translation>
    </message>
    <message>
        <source>Only a manager may move a journey back or reopen it</source>
        <translation>Only a manager may move a journey back or reopen it</translation>
    </message>
    <message>
        <source>Link a paid sale of this customer to confirm the payment</source>
        <translation>Link a paid sale of this customer to confirm the payment</translation>
    </message>
    <message>
        <source>Link an appointment to schedule the treatment</source>
        <translation>Link an appointment to schedule the treatment</translation>
    </message>
    <message>
        <source>The text is too long (at most {max} characters)</source>
        <translation>The text is too long (at most {max} characters)</translation>
    </message>
    <message>
        <source>A task title may name only the customer and the treatment, as customer or treatment in braces</source>
        <translation>A task title may name only the customer and the treatment, as customer or treatment in braces</translation>
    </message>
    <message>
        <source>An automation rule must be a set of fields</source>
        <translation>An automation rule must be a set of fields</translation>
    </message>
    <message>
        <source>An automation rule needs a short name (at most {max} characters)</source>
        <translation>An automation rule needs a short name (at most {max} characters)</translation>
    </message>
    <message>
        <source>Choose the stage, who does the task and the role</source>
        <translation>Choose the stage, who does the task and the role</translation>
    </message>
    <message>
        <source>A task title is needed in Thai</source>
        <translation>A task title is needed in Thai</translation>
    </message>
    <message>
        <source>The priority is 1 (urgent) to 4 (low)</source>
        <translation>The priority is 1 (urgent) to 4 (low)</translation>
    </message>
    <message>
        <source>A task is due 0 to 90 days after the stage is entered</source>
        <translation>A task is due 0 to 90 days after the stage is entered</translation>
    </message>
    <message>
        <source>Choose the staff member the task is for</source>
        <translation>Choose the staff member the task is for</translation>
    </message>
    <message>
        <source>The automation rules must be a list of at most {max} rules</source>
        <translation>The automation rules must be a list of at most {max} rules</translation>
    </message>
    <message>
        <source>Two automation rules have the same name</source>
        <translation>Two automation rules have the same name</translation>
    </message>
    <message>
        <source>The automation rules take too much room: shorten or remove some</source>
        <translation>The automation rules take too much room: shorten or remove some</translation>
    </message>
    <message>
        <source>There is no such journey</source>
        <translation>There is no such journey</translation>
    </message>
    <message>
        <source>This sale is not of the journey&apos;s customer</source>
        <translation>This sale is not of the journey&apos;s customer</translation>
    </message>
    <message>
        <source>Nothing is paid for this sale yet</source>
        <translation>Nothing is paid for this sale yet</translation>
    </message>
    <message>
        <source>This appointment is another customer&apos;s</source>
        <translation>This appointment is another customer&apos;s</translation>
    </message>
    <message>
        <source>This appointment was cancelled or missed: book another</source>
        <translation>This appointment was cancelled or missed: book another</translation>
    </message>
    <message>
        <source>A skin scan does not measure {measure}</source>
        <translation>A skin scan does not measure {measure}</translation>
    </message>
    <message>
        <source>A scan value is a whole number from 0 to 100 ({measure})</source>
        <translation>A scan value is a whole number from 0 to 100 ({measure})</translation>
    </message>
    <message>
        <source>Enter at least one measured value of the scan</source>
        <translation>Enter at least one measured value of the scan</translation>
    </message>
    <message>
        <source>Scan notes are text of at most {most} characters</source>
        <translation>Scan notes are text of at most {most} characters</translation>
    </message>
    <message>
        <source>Fetching images ahead of time is either on or off</source>
        <translation>Fetching images ahead of time is either on or off</translation>
    </message>
    <message>
        <source>The image {name} is larger than {most} MB</source>
        <translation>The image {name} is larger than {most} MB</translation>
    </message>
    <message>
        <source>The file {name} is not an image</source>
        <translation>The file {name} is not an image</translation>
    </message>
    <message>
        <source>The image {name} arrived damaged (its content does not match)</source>
        <translation>The image {name} arrived damaged (its content does not match)</translation>
    </message>
    <message>
        <source>The file {name} cannot be read</source>
        <translation>The file {name} cannot be read</translation>
    </message>
    <message>
        <source>This customer has not consented to skin scans and photos (sensitive data); nothing was recorded</source>
        <translation>This customer has not consented to skin scans and photos (sensitive data); nothing was recorded</translation>
    </message>
    <message>
        <source>A scan keeps at most {most} images</source>
        <translation>A scan keeps at most {most} images</translation>
    </message>
    <message>
        <source>Opening hours are an opening and a closing time (HH:MM) per weekday, the closing after the opening</source>
        <translation>Opening hours are an opening and a closing time (HH:MM) per weekday, the closing after the opening</translation>
    </message>
    <message>
        <source>An appointment cannot start in the past</source>
        <translation>An appointment cannot start in the past</translation>
    </message>
    <message>
        <source>The treatment has no duration to book</source>
        <translation>The treatment has no duration to book</translation>
    </message>
    <message>
        <source>The branch is closed on {day}</source>
        <translation>The branch is closed on {day}</translation>
    </message>
    <message>
        <source>The branch is open from {opens} to {closes} that day; the appointment must fit within</source>
        <translation>The branch is open from {opens} to {closes} that day; the appointment must fit within</translation>
    </message>
    <message>
        <source>This treatment is not in the catalog</source>
        <translation>This treatment is not in the catalog</translation>
    </message>
    <message>
        <source>{item} has no duration to book; set it in the catalog first</source>
        <translation>{item} has no duration to book; set it in the catalog first</translation>
    </message>
    <message>
        <source>Choose a beautician of this branch</source>
        <translation>Choose a beautician of this branch</translation>
    </message>
    <message>
        <source>Choose a room of this branch that is in use</source>
        <translation>Choose a room of this branch that is in use</translation>
    </message>
    <message>
        <source>{beautician} is already booked for {customer} from {start} to {end}</source>
        <translation>{beautician} is already booked for {customer} from {start} to {end}</translation>
    </message>
    <message>
        <source>{room} is already booked for {customer} from {start} to {end}</source>
        <translation>{room} is already booked for {customer} from {start} to {end}</translation>
    </message>
    <message>
        <source>This customer does not exist or was deleted</source>
        <translation>This customer does not exist or was deleted</translation>
    </message>
    <message>
        <source>This journey is another customer&apos;s</source>
        <translation>This journey is another customer&apos;s</translation>
    </message>
    <message>
        <source>This journey is closed: reopen it before booking</source>
        <translation>This journey is closed: reopen it before booking</translation>
    </message>
    <message>
        <source>This appointment is not one of this branch&apos;s</source>
        <translation>This appointment is not one of this branch&apos;s</translation>
    </message>
    <message>
        <source>This appointment is no longer open</source>
        <translation>This appointment is no longer open</translation>
    </message>
    <message>
        <source>A no-show can be recorded only once the appointment has started</source>
        <translation>A no-show can be recorded only once the appointment has started</translation>
    </message>
    <message>
        <source>Enter the room&apos;s name</source>
        <translation>Enter the room&apos;s name</translation>
    </message>
    <message>
        <source>This branch already has a room called {name}</source>
        <translation>This branch already has a room called {name}</translation>
    </message>
    <message>
        <source>This room is not one of this branch&apos;s</source>
        <translation>This room is not one of this branch&apos;s</translation>
    </message>
    <message>
        <source>There is no such task</source>
        <translation>There is no such task</translation>
    </message>
    <message>
        <source>This task is for another customer</source>
        <translation>This task is for another customer</translation>
    </message>
    <message>
        <source>This task is already done or cancelled</source>
        <translation>This task is already done or cancelled</translation>
    </message>
    <message>
        <source>There is no such journey at this branch</source>
        <translation>There is no such journey at this branch</translation>
    </message>
    <message>
        <source>The customer has not signed yet: sign on the pad first</source>
        <translation>The customer has not signed yet: sign on the pad first</translation>
    </message>
    <message>
        <source>{name} started this task; only they can go on with it</source>
        <translation>{name} started this task; only they can go on with it</translation>
    </message>
    <message>
        <source>{name} has claimed this task</source>
        <translation>{name} has claimed this task</translation>
    </message>
    <message>
        <source>This task is {name}&apos;s; a manager may reassign it</source>
        <translation>This task is {name}&apos;s; a manager may reassign it</translation>
    </message>
    <message>
        <source>This task is for another role</source>
        <translation>This task is for another role</translation>
    </message>
    <message>
        <source>This task is already started</source>
        <translation>This task is already started</translation>
    </message>
    <message>
        <source>Claim this task first</source>
        <translation>Claim this task first</translation>
    </message>
    <message>
        <source>There is no such step</source>
        <translation>There is no such step</translation>
    </message>
    <message>
        <source>Start the treatment before completing it</source>
        <translation>Start the treatment before completing it</translation>
    </message>
    <message>
        <source>A photo is taken before or after the treatment</source>
        <translation>A photo is taken before or after the treatment</translation>
    </message>
    <message>
        <source>A task keeps at most {most} photos of each kind</source>
        <translation>A task keeps at most {most} photos of each kind</translation>
    </message>
    <message>
        <source>This journey is closed: reopen it before proposing</source>
        <translation>This journey is closed: reopen it before proposing</translation>
    </message>
    <message>
        <source>This journey is not waiting for a payment</source>
        <translation>This journey is not waiting for a payment</translation>
    </message>
    <message>
        <source>This journey has no proposal to open</source>
        <translation>This journey has no proposal to open</translation>
    </message>
    <message>
        <source>This proposal was superseded or already paid</source>
        <translation>This proposal was superseded or already paid</translation>
    </message>
    <message>
        <source>A suggestion rule must be a set of fields</source>
        <translation>A suggestion rule must be a set of fields</translation>
    </message>
    <message>
        <source>Choose the measure and whether the value is above or below</source>
        <translation>Choose the measure and whether the value is above or below</translation>
    </message>
    <message>
        <source>A threshold is a whole number from 0 to 100</source>
        <translation>A threshold is a whole number from 0 to 100</translation>
    </message>
    <message>
        <source>A rule needs the tag of the treatments it suggests (at most {max} characters)</source>
        <translation>A rule needs the tag of the treatments it suggests (at most {max} characters)</translation>
    </message>
    <message>
        <source>The suggestion rules must be a list of at most {max} rules</source>
        <translation>The suggestion rules must be a list of at most {max} rules</translation>
    </message>
    <message>
        <source>The suggestion rules take too much room: remove some</source>
        <translation>The suggestion rules take too much room: remove some</translation>
    </message>
    <message>
        <source>A consent text is needed in Thai, at most {most} characters</source>
        <translation>A consent text is needed in Thai, at most {most} characters</translation>
    </message>
    <message>
        <source>A consent text may name only the customer, the treatment and the clinic, in braces</source>
        <translation>A consent text may name only the customer, the treatment and the clinic, in braces</translation>
    </message>
    <message>
        <source>A treatment&apos;s own consent text must name a catalog treatment</source>
        <translation>A treatment&apos;s own consent text must name a catalog treatment</translation>
    </message>
    <message>
        <source>Not on this PC yet</source>
        <translation>Not on this PC yet</translation>
    </message>
</context>
<context>
    <name>journeys</name>
    <message>
        <source>Lead created</source>
        <translation>Lead created</translation>
    </message>
    <message>
        <source>Skin scanned</source>
        <translation>Skin scanned</translation>
    </message>
    <message>
        <source>Proposal sent</source>
        <translation>Proposal sent</translation>
    </message>
    <message>
        <source>Payment confirmed</source>
        <translation>Payment confirmed</translation>
    </message>
    <message>
        <source>Treatment scheduled</source>
        <translation>Treatment scheduled</translation>
    </message>
    <message>
        <source>In treatment</source>
        <translation>In treatment</translation>
    </message>
    <message>
        <source>Treatment completed</source>
        <translation>Treatment completed</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>permissions</name>
    <message>
        <source>view customers</source>
        <translation>view customers</translation>
    </message>
    <message>
        <source>register and edit customers</source>
        <translation>register and edit customers</translation>
    </message>
    <message>
        <source>check customers in</source>
        <translation>check customers in</translation>
    </message>
    <message>
        <source>delete customers</source>
        <translation>delete customers</translation>
    </message>
    <message>
        <source>import and export customers</source>
        <translation>import and export customers</translation>
    </message>
    <message>
        <source>manage the catalog</source>
        <translation>manage the catalog</translation>
    </message>
    <message>
        <source>adjust stock</source>
        <translation>adjust stock</translation>
    </message>
    <message>
        <source>manage staff</source>
        <translation>manage staff</translation>
    </message>
    <message>
        <source>sell</source>
        <translation>sell</translation>
    </message>
    <message>
        <source>refund a sale</source>
        <translation>refund a sale</translation>
    </message>
    <message>
        <source>void a sale</source>
        <translation>void a sale</translation>
    </message>
    <message>
        <source>give a discount above the limit</source>
        <translation>give a discount above the limit</translation>
    </message>
    <message>
        <source>take cash out of the drawer</source>
        <translation>take cash out of the drawer</translation>
    </message>
    <message>
        <source>change clinic settings</source>
        <translation>change clinic settings</translation>
    </message>
    <message>
        <source>view the audit log</source>
        <translation>view the audit log</translation>
    </message>
    <message>
        <source>manage sync and its exceptions</source>
        <translation>manage sync and its exceptions</translation>
    </message>
    <message>
        <source>adjust a member&apos;s points</source>
        <translation>adjust a member&apos;s points</translation>
    </message>
    <message>
        <source>manage the loyalty program</source>
        <translation>manage the loyalty program</translation>
    </message>
    <message>
        <source>change the counter&apos;s rules</source>
        <translation>change the counter&apos;s rules</translation>
    </message>
    <message>
        <source>open and move customer journeys</source>
        <translation>open and move customer journeys</translation>
    </message>
    <message>
        <source>start and finish a journey&apos;s treatment</source>
        <translation>start and finish a journey&apos;s treatment</translation>
    </message>
    <message>
        <source>move a journey back or reopen it</source>
        <translation>move a journey back or reopen it</translation>
    </message>
    <message>
        <source>book appointments</source>
        <translation>book appointments</translation>
    </message>
    <message>
        <source>set the branch&apos;s rooms and opening hours</source>
        <translation>set the branch&apos;s rooms and opening hours</translation>
    </message>
</context>
<context>
    <name>points</name>
    <message>
        <source>Purchase</source>
        <translation>Purchase</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>Achievement</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Reward</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>Adjustment</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
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
        <translation>Percent off</translation>
    </message>
    <message>
        <source>Amount off</source>
        <translation>Amount off</translation>
    </message>
    <message>
        <source>A free item</source>
        <translation>A free item</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>Front desk</source>
        <translation>Front desk</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Beautician</source>
        <translation>Beautician</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
</context>
<context>
    <name>scans</name>
    <message>
        <source>Moisture</source>
        <translation>Moisture</translation>
    </message>
    <message>
        <source>Oiliness</source>
        <translation>Oiliness</translation>
    </message>
    <message>
        <source>Pigmentation</source>
        <translation>Pigmentation</translation>
    </message>
    <message>
        <source>Wrinkles</source>
        <translation>Wrinkles</translation>
    </message>
    <message>
        <source>Pores</source>
        <translation>Pores</translation>
    </message>
    <message>
        <source>Redness</source>
        <translation>Redness</translation>
    </message>
    <message>
        <source>Acne</source>
        <translation>Acne</translation>
    </message>
    <message>
        <source>Skin age</source>
        <translation>Skin age</translation>
    </message>
    <message>
        <source>above</source>
        <translation>above</translation>
    </message>
    <message>
        <source>below</source>
        <translation>below</translation>
    </message>
</context>
<context>
    <name>sync_exceptions</name>
    <message>
        <source>Edit lost: the record was deleted</source>
        <translation>Edit lost: the record was deleted</translation>
    </message>
    <message>
        <source>Terminal clock far ahead</source>
        <translation>Terminal clock far ahead</translation>
    </message>
    <message>
        <source>Operation rejected by the server</source>
        <translation>Operation rejected by the server</translation>
    </message>
    <message>
        <source>Change to a record the server does not have</source>
        <translation>Change to a record the server does not have</translation>
    </message>
    <message>
        <source>Operation number sent twice with different contents</source>
        <translation>Operation number sent twice with different contents</translation>
    </message>
    <message>
        <source>Single-use item used twice offline</source>
        <translation>Single-use item used twice offline</translation>
    </message>
    <message>
        <source>Balance taken below its limit</source>
        <translation>Balance taken below its limit</translation>
    </message>
    <message>
        <source>Journey move not allowed at its time</source>
        <translation>Journey move not allowed at its time</translation>
    </message>
    <message>
        <source>Points for a deleted customer</source>
        <translation>Points for a deleted customer</translation>
    </message>
    <message>
        <source>A second referrer for one customer</source>
        <translation>A second referrer for one customer</translation>
    </message>
    <message>
        <source>A sale refunded beyond what was paid</source>
        <translation>A sale refunded beyond what was paid</translation>
    </message>
    <message>
        <source>A course used beyond its sessions</source>
        <translation>A course used beyond its sessions</translation>
    </message>
    <message>
        <source>A sale paid beyond its total</source>
        <translation>A sale paid beyond its total</translation>
    </message>
    <message>
        <source>Two full tax invoices for one receipt</source>
        <translation>Two full tax invoices for one receipt</translation>
    </message>
    <message>
        <source>A beautician or room booked twice</source>
        <translation>A beautician or room booked twice</translation>
    </message>
    <message>
        <source>A task claimed by two people</source>
        <translation>A task claimed by two people</translation>
    </message>
    <message>
        <source>One record made twice with different contents</source>
        <translation>One record made twice with different contents</translation>
    </message>
    <message>
        <source>Change of a kind this app version does not know</source>
        <translation>Change of a kind this app version does not know</translation>
    </message>
    <message>
        <source>Change this app version cannot store</source>
        <translation>Change this app version cannot store</translation>
    </message>
    <message>
        <source>the terminal sent another operation under a number already used; the first one stands</source>
        <translation>the terminal sent another operation under a number already used; the first one stands</translation>
    </message>
    <message>
        <source>used on two terminals while offline; the first to reach the server keeps it, the other sale stands</source>
        <translation>used on two terminals while offline; the first to reach the server keeps it, the other sale stands</translation>
    </message>
    <message>
        <source>taken below its limit while offline (e.g. points spent twice); both stand</source>
        <translation>taken below its limit while offline (e.g. points spent twice); both stand</translation>
    </message>
    <message>
        <source>not allowed at its place in time order; it was not applied</source>
        <translation>not allowed at its place in time order; it was not applied</translation>
    </message>
    <message>
        <source>points were recorded on another terminal after the customer was deleted; they stand</source>
        <translation>points were recorded on another terminal after the customer was deleted; they stand</translation>
    </message>
    <message>
        <source>another terminal named a different referrer; the first referrer keeps the referral</source>
        <translation>another terminal named a different referrer; the first referrer keeps the referral</translation>
    </message>
    <message>
        <source>two terminals refunded the same sale while offline, together more than was paid for it; both refunds stand</source>
        <translation>two terminals refunded the same sale while offline, together more than was paid for it; both refunds stand</translation>
    </message>
    <message>
        <source>sessions of the same course were used on two terminals while offline, more than were left; both uses stand</source>
        <translation>sessions of the same course were used on two terminals while offline, more than were left; both uses stand</translation>
    </message>
    <message>
        <source>two terminals took the same sale&apos;s balance while offline, together more than its total; both payments stand</source>
        <translation>two terminals took the same sale&apos;s balance while offline, together more than its total; both payments stand</translation>
    </message>
    <message>
        <source>two terminals issued a full tax invoice for the same receipt while offline; both stand: cancel one with the buyer</source>
        <translation>two terminals issued a full tax invoice for the same receipt while offline; both stand: cancel one with the buyer</translation>
    </message>
    <message>
        <source>two terminals booked the same beautician or room for overlapping times while offline; both bookings stand: move one of them</source>
        <translation>two terminals booked the same beautician or room for overlapping times while offline; both bookings stand: move one of them</translation>
    </message>
    <message>
        <source>two people claimed the same task on two terminals while offline; the later claim holds it: reassign it if needed and tell the other</source>
        <translation>two people claimed the same task on two terminals while offline; the later claim holds it: reassign it if needed and tell the other</translation>
    </message>
    <message>
        <source>another terminal made the same record offline with different contents; the first to reach the server stands</source>
        <translation>another terminal made the same record offline with different contents; the first to reach the server stands</translation>
    </message>
    <message>
        <source>this version of the app does not know this kind of record; it is kept until the app is updated</source>
        <translation>this version of the app does not know this kind of record; it is kept until the app is updated</translation>
    </message>
    <message>
        <source>this version of the app cannot store it; it is kept until the app is updated</source>
        <translation>this version of the app cannot store it; it is kept until the app is updated</translation>
    </message>
    <message>
        <source>Change with fields this app version does not know</source>
        <translation>Change with fields this app version does not know</translation>
    </message>
</context>
<context>
    <name>sync_fields</name>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Catalog item</source>
        <translation>Catalog item</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <source>Clinic profile</source>
        <translation>Clinic profile</translation>
    </message>
    <message>
        <source>Branch profile</source>
        <translation>Branch profile</translation>
    </message>
    <message>
        <source>Chain profile</source>
        <translation>Chain profile</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Stock movement</source>
        <translation>Stock movement</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>Exception</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Points expiry</source>
        <translation>Points expiry</translation>
    </message>
    <message>
        <source>Tier change</source>
        <translation>Tier change</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>Achievement</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>Coupon use</source>
        <translation>Coupon use</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Reward</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Sale</translation>
    </message>
    <message>
        <source>Sale line</source>
        <translation>Sale line</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Course sessions</source>
        <translation>Course sessions</translation>
    </message>
    <message>
        <source>Cash in/out</source>
        <translation>Cash in/out</translation>
    </message>
    <message>
        <source>Full tax invoice</source>
        <translation>Full tax invoice</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Journey</translation>
    </message>
    <message>
        <source>Journey move</source>
        <translation>Journey move</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>Signed consent form</source>
        <translation>Signed consent form</translation>
    </message>
    <message>
        <source>Thai name</source>
        <translation>Thai name</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>nickname</source>
        <translation>nickname</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>email</source>
        <translation>email</translation>
    </message>
    <message>
        <source>LINE ID</source>
        <translation>LINE ID</translation>
    </message>
    <message>
        <source>birthday</source>
        <translation>birthday</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>gender</translation>
    </message>
    <message>
        <source>skin notes</source>
        <translation>skin notes</translation>
    </message>
    <message>
        <source>contact channels</source>
        <translation>contact channels</translation>
    </message>
    <message>
        <source>quiet hours start</source>
        <translation>quiet hours start</translation>
    </message>
    <message>
        <source>quiet hours end</source>
        <translation>quiet hours end</translation>
    </message>
    <message>
        <source>opted out of messages</source>
        <translation>opted out of messages</translation>
    </message>
    <message>
        <source>price</source>
        <translation>price</translation>
    </message>
    <message>
        <source>VAT exempt</source>
        <translation>VAT exempt</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>duration</translation>
    </message>
    <message>
        <source>protocol steps</source>
        <translation>protocol steps</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>barcode</source>
        <translation>barcode</translation>
    </message>
    <message>
        <source>package treatment</source>
        <translation>package treatment</translation>
    </message>
    <message>
        <source>package sessions</source>
        <translation>package sessions</translation>
    </message>
    <message>
        <source>points</source>
        <translation>points</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>reason</translation>
    </message>
    <message>
        <source>source</source>
        <translation>source</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>role</source>
        <translation>role</translation>
    </message>
</context>
<context>
    <name>sync_reasons</name>
    <message>
        <source>its contents could not be read</source>
        <translation>its contents could not be read</translation>
    </message>
    <message>
        <source>it was incomplete</source>
        <translation>it was incomplete</translation>
    </message>
    <message>
        <source>{field} {problem}</source>
        <translation>{field} {problem}</translation>
    </message>
    <message>
        <source>it named the wrong kind of record</source>
        <translation>it named the wrong kind of record</translation>
    </message>
    <message>
        <source>it named a record of another clinic</source>
        <translation>it named a record of another clinic</translation>
    </message>
    <message>
        <source>the record had been deleted</source>
        <translation>the record had been deleted</translation>
    </message>
    <message>
        <source>the server does not have this record</source>
        <translation>the server does not have this record</translation>
    </message>
    <message>
        <source>a customer cannot refer themselves</source>
        <translation>a customer cannot refer themselves</translation>
    </message>
    <message>
        <source>the server does not know this kind of change yet: update the clinic server</source>
        <translation>the server does not know this kind of change yet: update the clinic server</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>is missing</translation>
    </message>
    <message>
        <source>may not be changed this way</source>
        <translation>may not be changed this way</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>must be text</translation>
    </message>
    <message>
        <source>holds a character that cannot be stored</source>
        <translation>holds a character that cannot be stored</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>must be a whole number</translation>
    </message>
    <message>
        <source>must be a record id</source>
        <translation>must be a record id</translation>
    </message>
    <message>
        <source>must be a date</source>
        <translation>must be a date</translation>
    </message>
    <message>
        <source>must be a time of day</source>
        <translation>must be a time of day</translation>
    </message>
    <message>
        <source>must be a date and time with its time zone</source>
        <translation>must be a date and time with its time zone</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>must be a list</translation>
    </message>
    <message>
        <source>holds data that cannot be stored</source>
        <translation>holds data that cannot be stored</translation>
    </message>
    <message>
        <source>is not a field of this record</source>
        <translation>is not a field of this record</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>The journey&apos;s sales owner</source>
        <translation>The journey&apos;s sales owner</translation>
    </message>
    <message>
        <source>The journey&apos;s beautician</source>
        <translation>The journey&apos;s beautician</translation>
    </message>
    <message>
        <source>A staff member</source>
        <translation>A staff member</translation>
    </message>
    <message>
        <source>Anyone of the role</source>
        <translation>Anyone of the role</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Claimed</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>After</source>
        <translation>After</translation>
    </message>
</context>
<context>
    <name>tiers</name>
    <message>
        <source>Bronze</source>
        <translation>Bronze</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Silver</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>Platinum</translation>
    </message>
    <message>
        <source>Diamond</source>
        <translation>Diamond</translation>
    </message>
</context>
</TS>
