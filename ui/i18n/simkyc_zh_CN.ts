<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditLogScreen</name>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>The newest %1 entries. The log holds codes only, never customer data; opening it is recorded too.</source>
        <translation>最新的 %1 条记录。日志只包含代码，从不包含客户数据；打开日志本身也会被记录。</translation>
    </message>
    <message>
        <source>Back to the day</source>
        <translation>返回当日</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>This kiosk has no store to read from.</source>
        <translation>此终端没有可读取的存储。</translation>
    </message>
    <message>
        <source>Audit chain verified: %1 entries, none edited, deleted or reordered.</source>
        <translation>审计链已验证：共 %1 条，无修改、删除或重排。</translation>
    </message>
    <message>
        <source>The audit chain is BROKEN at entry %1 (%2). Call the carrier's security contact.</source>
        <translation>审计链在第 %1 条处已断裂（%2）。请联系运营商的安全联系人。</translation>
    </message>
</context>
<context>
    <name>ClerkSignalsModel</name>
    <message>
        <source>many failed matches</source>
        <translation>人脸比对失败多</translation>
    </message>
    <message>
        <source>many liveness failures</source>
        <translation>活体检测失败多</translation>
    </message>
    <message>
        <source>a staff member's face</source>
        <translation>员工本人的人脸</translation>
    </message>
    <message>
        <source>many retries</source>
        <translation>重试多</translation>
    </message>
    <message>
        <source>many hand-overs</source>
        <translation>转交店长多</translation>
    </message>
    <message>
        <source>many approvals by hand</source>
        <translation>人工批准多</translation>
    </message>
    <message>
        <source>many registrations outside opening hours</source>
        <translation>营业时间外登记多</translation>
    </message>
    <message>
        <source>approved by one manager far more than other clerks: %1</source>
        <translation>某店长对其批准远多于其他店员：%1</translation>
    </message>
    <message>
        <source>%1 .. %2 (UTC days)</source>
        <translation>%1 .. %2（UTC 日期）</translation>
    </message>
    <message>
        <source>no store is open</source>
        <translation>未打开数据存储</translation>
    </message>
    <message>
        <source>%1 registrations · failed matches %2 · liveness failures %3 · staff faces %4 · retries %5 · hand-overs %6 · approved by hand %7</source>
        <translation>%1 次登记 · 比对失败 %2 · 活体失败 %3 · 员工人脸 %4 · 重试 %5 · 转交 %6 · 人工批准 %7</translation>
    </message>
    <message>
        <source> (by %1)</source>
        <translation>（批准人 %1）</translation>
    </message>
    <message>
        <source> · outside opening hours %1</source>
        <translation> · 营业时间外 %1</translation>
    </message>
    <message>
        <source>%1; opening hours %2</source>
        <translation>%1；营业时间 %2</translation>
    </message>
    <message>
        <source>. Look at: %1</source>
        <translation>。请核查：%1</translation>
    </message>
    <message>
        <source>%1 (UTC day)</source>
        <translation>%1（UTC 日期）</translation>
    </message>
    <message>
        <source>approvals by hand with no manager's decision on file (written into the database directly)</source>
        <translation>人工批准但无店长决定记录（直接写入数据库）</translation>
    </message>
</context>
<context>
    <name>ClerkSignalsPanel</name>
    <message>
        <source>This day</source>
        <translation>当天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>近 7 天</translation>
    </message>
    <message>
        <source>%1; opening hours %2</source>
        <translation>%1；营业时间 %2</translation>
    </message>
    <message>
        <source>%1; opening hours not set (store.opening_hours): registrations outside them are not counted</source>
        <translation>%1；未设置营业时间（store.opening_hours）：不统计营业时间外的登记</translation>
    </message>
    <message>
        <source>Look at: %1</source>
        <translation>请核查：%1</translation>
    </message>
    <message>
        <source>Each clerk against the store's other clerks: a rate more than twice theirs (at least 3 records; a staff face from the first) is a reason to look at that clerk's records, not a finding. Nothing here is decrypted.</source>
        <translation>每位店员与本店其他店员相比：比率超过其两倍（至少 3 条；员工人脸从第一次起）是查看该店员登记记录的理由，而非结论。此处不解密任何数据。</translation>
    </message>
</context>
<context>
    <name>ConsentNotice</name>
    <message>
        <source>What is captured</source>
        <translation>采集哪些信息</translation>
    </message>
    <message>
        <source>A short video check of your face (you will be asked to blink and to turn your head) and photos of your face taken from it, compared with the photo on your ID card.</source>
        <translation>一段简短的人脸视频核验（会请您眨眼和转头），以及从中截取的人脸照片，用于与您身份证件上的照片比对。</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>为什么</translation>
    </message>
    <message>
        <source>Where it goes</source>
        <translation>信息去向</translation>
    </message>
    <message>
        <source>The photos and face measurements are sealed (encrypted) for your mobile carrier, who checks the registration. This shop keeps no key that opens them.</source>
        <translation>照片和人脸特征数据经加密封存后只交给您的移动运营商，由其审核登记。本店不持有任何可打开这些数据的密钥。</translation>
    </message>
    <message>
        <source>How long</source>
        <translation>保存多久</translation>
    </message>
    <message>
        <source>If you prefer not to</source>
        <translation>如果您不同意</translation>
    </message>
    <message>
        <source>You may refuse. The manager then checks your ID card in person instead, and no photo or video of your face is taken. The registration is otherwise the same.</source>
        <translation>您可以拒绝。届时由店长当面人工核验您的身份证件，不拍摄您的任何人脸照片或视频。除此之外，登记流程相同。</translation>
    </message>
    <message>
        <source>To confirm that the ID card is yours, as the real-name registration of SIM cards requires, and, at your carrier, to check that the same face has not registered SIM cards under other people's ID cards. It is used for nothing else.</source>
        <translation>用于按 SIM 卡实名登记的要求确认身份证属于您本人，并由您的运营商核查同一张脸没有用他人的身份证登记过 SIM 卡。不作任何其他用途。</translation>
    </message>
    <message>
        <source>This kiosk keeps a small picture of your face, for the manager to review a doubtful result, and the sealed copy until the end of the next day and until the carrier has confirmed receiving it; then both are deleted. The video itself is never stored. Your carrier keeps the face measurements while the number is active, for the check against other ID cards.</source>
        <translation>本终端保留一张您面部的小图（供店长复核存疑的结果）以及加密副本，直到次日结束且运营商确认收到为止，之后两者都会被删除。视频本身从不保存。您的运营商在号码有效期间保留面部特征数据，用于与其他身份证的比对。</translation>
    </message>
</context>
<context>
    <name>ConsentScreen</name>
    <message>
        <source>Your consent to the face check</source>
        <translation>人脸核验同意书</translation>
    </message>
    <message>
        <source>I agree to the face check</source>
        <translation>我同意人脸核验</translation>
    </message>
    <message>
        <source>I prefer a manual check</source>
        <translation>我选择人工核验</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The customer reads this on their screen and answers there.</source>
        <translation>客户在自己的屏幕上阅读并在那里作答。</translation>
    </message>
</context>
<context>
    <name>CustomerFormModel</name>
    <message>
        <source>%2 (rule: %1)</source>
        <extracomment>%1 is a stable rule code such as check_character, %2 the explanation.</extracomment>
        <translation>%2（规则：%1）</translation>
    </message>
    <message>
        <source>An ID number has 18 characters; %1 typed.</source>
        <translation>身份证号码为 18 位；已输入 %1 位。</translation>
    </message>
    <message>
        <source>Only digits, and X as the last character.</source>
        <translation>只能输入数字，最后一位可以是 X。</translation>
    </message>
    <message>
        <source>The first two digits are not a province code.</source>
        <translation>前两位不是省级行政区代码。</translation>
    </message>
    <message>
        <source>Digits 7 to 14 are not a real date of birth.</source>
        <translation>第 7 至 14 位不是有效的出生日期。</translation>
    </message>
    <message>
        <source>The date of birth lies in the future.</source>
        <translation>出生日期晚于今天。</translation>
    </message>
    <message>
        <source>The customer must be at least %1 years old.</source>
        <translation>客户须年满 %1 周岁。</translation>
    </message>
    <message>
        <source>The last character does not match the others: a character is mistyped.</source>
        <translation>校验位与前 17 位不符：有字符输入错误。</translation>
    </message>
    <message>
        <source>Only digits, and one + in front.</source>
        <translation>只能输入数字，开头可有一个 +。</translation>
    </message>
    <message>
        <source>Only mainland China numbers (+86).</source>
        <translation>仅限中国大陆号码（+86）。</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits.</source>
        <translation>手机号码为 11 位数字。</translation>
    </message>
    <message>
        <source>A mobile number starts with 13 to 19.</source>
        <translation>手机号码以 13 至 19 开头。</translation>
    </message>
    <message>
        <source>Only digits.</source>
        <translation>只能输入数字。</translation>
    </message>
    <message>
        <source>A SIM number (ICCID) has 19 or 20 digits.</source>
        <translation>SIM 卡号（ICCID）为 19 或 20 位数字。</translation>
    </message>
    <message>
        <source>A SIM number (ICCID) starts with 89.</source>
        <translation>SIM 卡号（ICCID）以 89 开头。</translation>
    </message>
    <message>
        <source>The last digit does not match the others: a digit is mistyped.</source>
        <translation>校验位与其他数字不符：有数字输入错误。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此项必填。</translation>
    </message>
    <message>
        <source>At most %1 characters.</source>
        <translation>最多 %1 个字符。</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
</context>
<context>
    <name>CustomerFormScreen</name>
    <message>
        <source>New registration: customer data</source>
        <translation>新登记：客户信息</translation>
    </message>
    <message>
        <source>Name (as on the ID card)</source>
        <translation>姓名（与身份证一致）</translation>
    </message>
    <message>
        <source>ID number (18 characters)</source>
        <translation>身份证号码（18 位）</translation>
    </message>
    <message>
        <source>Compare with the ID card:</source>
        <translation>请与身份证核对：</translation>
    </message>
    <message>
        <source>Date of birth: %1</source>
        <translation>出生日期：%1</translation>
    </message>
    <message>
        <source>Sex: %1</source>
        <translation>性别：%1</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Mobile phone number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>SIM card number (ICCID)</source>
        <translation>SIM 卡号（ICCID）</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Cancel registration</source>
        <translation>取消登记</translation>
    </message>
    <message>
        <source>Asking the carrier how many numbers this ID number already has…</source>
        <translation>正在向运营商查询该证件号码已有的号码数量…</translation>
    </message>
</context>
<context>
    <name>CustomerMain</name>
    <message>
        <source>SimKYC: customer screen</source>
        <translation>SimKYC：客户屏幕</translation>
    </message>
    <message>
        <source>Welcome. The clerk is preparing your registration; this screen will ask for your consent in a moment.</source>
        <translation>欢迎。店员正在为您准备登记；稍后此屏幕将请求您的同意。</translation>
    </message>
</context>
<context>
    <name>DayCharts</name>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>人工</translation>
    </message>
    <message>
        <source>Registrations per hour</source>
        <translation>每小时登记数</translation>
    </message>
    <message>
        <source>Passed %1</source>
        <translation>通过 %1</translation>
    </message>
    <message>
        <source>Failed %1</source>
        <translation>未通过 %1</translation>
    </message>
    <message>
        <source>Manual %1</source>
        <translation>人工 %1</translation>
    </message>
    <message>
        <source>No registrations yet</source>
        <translation>尚无登记</translation>
    </message>
    <message>
        <source>Outcomes: pass rate %1 %</source>
        <translation>结果：通过率 %1 %</translation>
    </message>
    <message>
        <source>Same person</source>
        <translation>同一人</translation>
    </message>
    <message>
        <source>Not the same</source>
        <translation>非同一人</translation>
    </message>
    <message>
        <source>Match distances (threshold %1)</source>
        <translation>比对距离（阈值 %1）</translation>
    </message>
    <message>
        <source>Charts need the kiosk's full application.</source>
        <translation>图表需要完整的终端应用程序。</translation>
    </message>
</context>
<context>
    <name>DayReport</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>店员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>Liveness</source>
        <translation>活体</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Registrations (%1)</source>
        <translation>登记（%1）</translation>
    </message>
    <message>
        <source>SimKYC day report %1 - page %2</source>
        <translation>SimKYC 日报 %1 - 第 %2 页</translation>
    </message>
    <message>
        <source>Day report %1</source>
        <translation>日报 %1</translation>
    </message>
    <message>
        <source>Generated %1 by %2. Customer names and ID numbers are masked.</source>
        <translation>由 %2 于 %1 生成。客户姓名和证件号码已脱敏。</translation>
    </message>
    <message>
        <source>Registrations: %1.</source>
        <translation>登记：%1。</translation>
    </message>
    <message>
        <source>Parked: %1</source>
        <translation>已暂停：%1</translation>
    </message>
    <message>
        <source>Clerks</source>
        <translation>店员</translation>
    </message>
    <message>
        <source>SIM reconciliation (ICCIDs masked)</source>
        <translation>SIM 卡核对（ICCID 已遮蔽）</translation>
    </message>
</context>
<context>
    <name>DayView</name>
    <message>
        <source>Upload to the carrier: %1 waiting (%2 after a failed try; the oldest from %3), %4 acknowledged, %5 over the quota, %6 parked for the manager. Last success: %7. Next try: %8.</source>
        <translation>上传至运营商：%1 条等待中（%2 条曾失败；最早于 %3），%4 条已确认，%5 条超出配额，%6 条暂停待店长处理。上次成功：%7。下次尝试：%8。</translation>
    </message>
    <message>
        <source>Pass rate %1 % (%2 of %3 automatic decisions). %4 face checks, %5 of them retries. %6 waiting for your decision, %7 reviewed, %8 flagged or not confirmed.</source>
        <translation>通过率 %1 %（%3 个自动判定中 %2 个通过）。人脸核验 %4 次，其中重试 %5 次。%6 条待您决定，%7 条已审核，%8 条被标记或未确认。</translation>
    </message>
    <message>
        <source>This kiosk cannot write PDF reports.</source>
        <translation>此终端无法生成 PDF 报表。</translation>
    </message>
    <message>
        <source>Audit chain verified: %1 entries.</source>
        <translation>审计链已验证：共 %1 条。</translation>
    </message>
    <message>
        <source>Audit chain BROKEN at entry %1 (%2).</source>
        <translation>审计链在第 %1 条处断裂（%2）。</translation>
    </message>
    <message>
        <source>Your decisions: %1 waiting to be sent, %2 confirmed by the carrier, %3 refused.</source>
        <translation>您的决定：%1 条待发送，%2 条已由运营商确认，%3 条被拒绝。</translation>
    </message>
</context>
<context>
    <name>DayViewScreen</name>
    <message>
        <source>Registrations of %1</source>
        <translation>%1 的登记</translation>
    </message>
    <message>
        <source>%1 in all: %2 passed, %3 failed, %4 for the manager; %5 not yet acknowledged by the carrier.</source>
        <translation>共 %1 条：通过 %2 条，未通过 %3 条，待店长处理 %4 条；%5 条尚未获运营商确认。</translation>
    </message>
    <message>
        <source>The store could not be read: %1</source>
        <translation>无法读取数据库：%1</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Manual check</source>
        <translation>人工核验</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>店员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>Liveness</source>
        <translation>活体</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>No registrations to show.</source>
        <translation>没有可显示的登记。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Parked: %1</source>
        <translation>已暂停：%1</translation>
    </message>
    <message>
        <source>Export the day (CSV)</source>
        <translation>导出当日（CSV）</translation>
    </message>
    <message>
        <source>Show the list</source>
        <translation>显示列表</translation>
    </message>
    <message>
        <source>Show the charts</source>
        <translation>显示图表</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Waiting for your decision</source>
        <translation>等待您的决定</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Names and ID numbers are masked; reading them for this list is recorded in the audit log. Open a record to see it in full and to approve or flag it (also recorded).</source>
        <translation>姓名和证件号码已脱敏；为此列表读取数据会记入审计日志。打开一条记录可查看完整信息并审批或标记（同样会记录）。</translation>
    </message>
    <message>
        <source>Day report (PDF)</source>
        <translation>日报（PDF）</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>SIM reconciliation</source>
        <translation>SIM 卡核对</translation>
    </message>
    <message>
        <source>Clerks</source>
        <translation>店员</translation>
    </message>
</context>
<context>
    <name>FaceCheck</name>
    <message>
        <source>Look into the camera, please.</source>
        <translation>请看摄像头。</translation>
    </message>
    <message>
        <source>Only one person, please.</source>
        <translation>请只保留一人在画面中。</translation>
    </message>
    <message>
        <source>Move closer.</source>
        <translation>请靠近一些。</translation>
    </message>
    <message>
        <source>Move back a little.</source>
        <translation>请稍微后退。</translation>
    </message>
    <message>
        <source>Move your face into the oval.</source>
        <translation>请将面部移入椭圆框内。</translation>
    </message>
    <message>
        <source>Look straight at the camera.</source>
        <translation>请正视摄像头。</translation>
    </message>
    <message>
        <source>Too dark: face the light, please.</source>
        <translation>光线太暗：请面向光源。</translation>
    </message>
    <message>
        <source>Too bright: step out of the direct light.</source>
        <translation>光线太亮：请避开直射光。</translation>
    </message>
    <message>
        <source>The light is behind you: turn towards the light.</source>
        <translation>光源在您身后：请转向光源。</translation>
    </message>
    <message>
        <source>Hold still, please.</source>
        <translation>请保持不动。</translation>
    </message>
    <message>
        <source>Open your eyes, please.</source>
        <translation>请睁开眼睛。</translation>
    </message>
</context>
<context>
    <name>FaceCheckScreen</name>
    <message>
        <source>Preparing the face check…</source>
        <translation>正在准备人脸核验…</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>正在启动摄像头…</translation>
    </message>
    <message>
        <source>Face check</source>
        <translation>人脸核验</translation>
    </message>
    <message>
        <source>Blink slowly</source>
        <translation>请慢慢眨眼</translation>
    </message>
    <message>
        <source>Turn your head to the left</source>
        <translation>请向左转头</translation>
    </message>
    <message>
        <source>Turn your head to the right</source>
        <translation>请向右转头</translation>
    </message>
    <message>
        <source>Look into the camera</source>
        <translation>请看摄像头</translation>
    </message>
    <message>
        <source>Hold still</source>
        <translation>请保持不动</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>No camera is configured for the face check. Set camera.device in the kiosk configuration or start the kiosk with --camera; or hand over to the manager for a manual check.</source>
        <translation>未为人脸核验配置摄像头。请在终端配置中设置 camera.device，或使用 --camera 启动；也可交由店长人工核验。</translation>
    </message>
    <message>
        <source>The face check is not available in this window.</source>
        <translation>此窗口不提供人脸核验。</translation>
    </message>
    <message>
        <source>The face models could not be loaded (%1). Run simkyc-cli selftest.</source>
        <translation>无法加载人脸模型（%1）。请运行 simkyc-cli selftest。</translation>
    </message>
    <message>
        <source>The face check stopped: %1</source>
        <translation>人脸核验已停止：%1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Manual check by the manager</source>
        <translation>由店长人工核验</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Demo: the camera is a recording, not a live camera.</source>
        <translation>演示：摄像头画面是录像，不是实时画面。</translation>
    </message>
    <message>
        <source>The demo has no picture for the face check: %1. Connect a camera, or hand over to the manager for a manual check.</source>
        <translation>演示没有可用于人脸核验的画面：%1。请连接摄像头，或转交店长进行人工核验。</translation>
    </message>
    <message>
        <source>The face check is switched off: the anti-spoofing models are not installed on this kiosk. The manager installs them with simkyc-cli models install; until then, hand over to the manager for a manual check.</source>
        <translation>人脸核验已关闭：本机未安装防伪模型。请店长使用 simkyc-cli models install 安装；在此之前，请转交店长进行人工核验。</translation>
    </message>
    <message>
        <source>Please keep looking at the screen</source>
        <translation>请继续注视屏幕</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Signed in as %1</source>
        <translation>已登录：%1</translation>
    </message>
    <message>
        <source>New registration</source>
        <translation>新登记</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message numerus="yes">
        <source>You are signed out after %n minute(s) without activity.</source>
        <translation>
            <numerusform>无操作 %n 分钟后将自动退出登录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Today's registrations</source>
        <translation>今日登记</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>员工账户</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>IdPhotoModel</name>
    <message>
        <source>This file does not exist. Check the folder and the name, or scan the card again.</source>
        <translation>该文件不存在。请检查文件夹和文件名，或重新扫描证件。</translation>
    </message>
    <message>
        <source>This file cannot be read as an image (damaged, not an image, or too large). Scan the ID card again and save it as PNG or JPEG.</source>
        <translation>无法将该文件读取为图像（已损坏、不是图像或过大）。请重新扫描证件并保存为 PNG 或 JPEG。</translation>
    </message>
    <message>
        <source>No face was found on this image. Check that the page with the photo was scanned, the right way up and not cut off, then choose it again.</source>
        <translation>在此图像上未找到人脸。请确认扫描的是带照片的那一页、方向正确且未被裁切，然后重新选择。</translation>
    </message>
    <message>
        <source>There is more than one face on this image. Scan the customer's ID page alone on the scanner glass, then choose the new file.</source>
        <translation>此图像上有不止一张人脸。请只将顾客的证件页放在扫描仪玻璃上扫描，然后选择新文件。</translation>
    </message>
    <message>
        <source>The photo on the document is too small or blurred to be checked. Scan the card again at 300 dpi or more.</source>
        <translation>证件上的照片太小或太模糊，无法核验。请以 300 dpi 或更高分辨率重新扫描。</translation>
    </message>
    <message>
        <source>The image could not be checked (internal error). Try again; if it happens again, tell the manager.</source>
        <translation>无法检查该图像（内部错误）。请重试；如再次发生，请告知店长。</translation>
    </message>
    <message>
        <source>The camera cannot be used (not connected, busy or gone). Check its cable, or scan the card and choose the file instead.</source>
        <translation>无法使用摄像头（未连接、被占用或已断开）。请检查连接线，或扫描证件后选择文件。</translation>
    </message>
    <message>
        <source>The recording ended before a card was seen. Start the camera again, or choose the scanned file.</source>
        <translation>录像结束前未看到证件。请重新启动摄像头，或选择扫描的文件。</translation>
    </message>
    <message>
        <source>Hold the card flat inside the frame, photo side to the camera.</source>
        <translation>请将证件平放在框内，照片面朝向摄像头。</translation>
    </message>
    <message>
        <source>Card found. Hold it still…</source>
        <translation>已找到证件，请保持不动…</translation>
    </message>
    <message>
        <source>The card is blurred. Hold it still, a little further from the camera.</source>
        <translation>证件图像模糊。请保持不动，并离摄像头稍远一些。</translation>
    </message>
    <message>
        <source>No photo on this side. Turn the card over.</source>
        <translation>这一面没有照片，请翻转证件。</translation>
    </message>
    <message>
        <source>The photo is too small. Hold the card closer.</source>
        <translation>照片太小，请将证件靠近一些。</translation>
    </message>
    <message>
        <source>More than one face on the card. Show the ID card alone.</source>
        <translation>证件上有不止一张人脸，请只出示身份证件。</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>正在启动摄像头…</translation>
    </message>
    <message>
        <source>camera</source>
        <translation>摄像头</translation>
    </message>
</context>
<context>
    <name>IdPhotoScreen</name>
    <message>
        <source>Images in %1 (newest first):</source>
        <translation>%1 中的图像（最新的在前）：</translation>
    </message>
    <message>
        <source>No image files here yet. Scan the card, then press Refresh.</source>
        <translation>这里还没有图像文件。请扫描证件，然后按“刷新”。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Or type the path of the image:</source>
        <translation>或输入图像的路径：</translation>
    </message>
    <message>
        <source>Looking for the photo on the document…</source>
        <translation>正在查找证件上的照片…</translation>
    </message>
    <message>
        <source>Choose the scanned ID image on the left.</source>
        <translation>请在左侧选择扫描的证件图像。</translation>
    </message>
    <message>
        <source>Photo found. Compare it with the customer.</source>
        <translation>已找到照片。请与顾客本人比对。</translation>
    </message>
    <message>
        <source>Use this photo</source>
        <translation>使用此照片</translation>
    </message>
    <message>
        <source>Choose another</source>
        <translation>另选一个</translation>
    </message>
    <message>
        <source>Cancel registration</source>
        <translation>取消登记</translation>
    </message>
    <message>
        <source>ID photo: the ID card from the scanner, the chip reader or the camera</source>
        <translation>证件照片：来自扫描仪、芯片读卡器或摄像头的证件</translation>
    </message>
    <message>
        <source>Stop the camera</source>
        <translation>停止摄像头</translation>
    </message>
    <message>
        <source>Hold the card up to the camera</source>
        <translation>将证件对准摄像头</translation>
    </message>
    <message>
        <source>No camera is set for the card (camera.id_card in the configuration): scan it and choose the file.</source>
        <translation>未为证件设置摄像头（配置中的 camera.id_card）：请扫描证件并选择文件。</translation>
    </message>
    <message>
        <source>Choose the scanned ID image on the left, or hold the card up to the camera.</source>
        <translation>请在左侧选择扫描的证件图像，或将证件对准摄像头。</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>SimKYC: sign in</source>
        <translation>SimKYC：登录</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核对……</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>SimKYC kiosk</source>
        <translation>SimKYC 实名登记终端</translation>
    </message>
</context>
<context>
    <name>OutcomeScreen</name>
    <message>
        <source>✓ Identity confirmed</source>
        <translation>✓ 身份已确认</translation>
    </message>
    <message>
        <source>The manager will check the ID card in person</source>
        <translation>店长将当面核验身份证件</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>✗ The face check did not succeed</source>
        <translation>✗ 人脸核验未通过</translation>
    </message>
    <message>
        <source>For the clerk</source>
        <translation>供店员查看</translation>
    </message>
    <message>
        <source>The registration could not be saved: %1. Nothing is lost while this screen is open; free disk space or ask the manager, then save again.</source>
        <translation>登记无法保存：%1。此页面打开期间数据不会丢失；请释放磁盘空间或联系店长，然后重新保存。</translation>
    </message>
    <message>
        <source>Saved (encrypted) as %1; upload to the carrier: %2.</source>
        <translation>已加密保存为 %1；上传至运营商：%2。</translation>
    </message>
    <message>
        <source>Not saved yet: choose below. Finishing records the failed check.</source>
        <translation>尚未保存：请在下方选择。结束将记录此次未通过的核验。</translation>
    </message>
    <message>
        <source>Try the face check again</source>
        <translation>重新进行人脸核验</translation>
    </message>
    <message>
        <source>Manual check by the manager</source>
        <translation>由店长人工核验</translation>
    </message>
    <message>
        <source>Save again</source>
        <translation>重新保存</translation>
    </message>
    <message>
        <source>Finish (record as failed)</source>
        <translation>结束（记录为未通过）</translation>
    </message>
    <message>
        <source>Next customer</source>
        <translation>下一位客户</translation>
    </message>
    <message>
        <source>No attempts left (%1 per 10 minutes)</source>
        <translation>已无剩余次数（每 10 分钟 %1 次）</translation>
    </message>
</context>
<context>
    <name>RecordDetailModel</name>
    <message>
        <source>Confirm the identity</source>
        <translation>确认身份</translation>
    </message>
    <message>
        <source>Identity not confirmed</source>
        <translation>身份未确认</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>This kiosk has no store to read from.</source>
        <translation>此终端没有可读取的存储。</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>姓名：%1</translation>
    </message>
    <message>
        <source>ID number: %1</source>
        <translation>证件号码：%1</translation>
    </message>
    <message>
        <source>Birth date: %1</source>
        <translation>出生日期：%1</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>地址：%1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>电话：%1</translation>
    </message>
    <message>
        <source>SIM (ICCID): %1</source>
        <translation>SIM 卡（ICCID）：%1</translation>
    </message>
    <message>
        <source>The customer's data is no longer held: %1</source>
        <translation>客户数据已不再保存：%1</translation>
    </message>
    <message>
        <source>No face picture: the customer chose the manual check, the face check did not get that far, or the picture was deleted after the retention period.</source>
        <translation>无人脸图片：客户选择了人工核验，人脸核验未进行到这一步，或图片已在保存期满后删除。</translation>
    </message>
    <message>
        <source>Unknown decision.</source>
        <translation>未知的决定。</translation>
    </message>
    <message>
        <source>The decision was not recorded: %1</source>
        <translation>决定未被记录：%1</translation>
    </message>
    <message>
        <source>confirmed by the carrier</source>
        <translation>已由运营商确认</translation>
    </message>
    <message>
        <source>refused by the carrier: see the upload</source>
        <translation>被运营商拒绝：请查看上传状态</translation>
    </message>
    <message>
        <source>sent after the record</source>
        <translation>将在记录之后发送</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <source>Record as cancelled</source>
        <translation>登记为已注销</translation>
    </message>
    <message>
        <source>You registered this customer yourself: another manager confirms the identity.</source>
        <translation>该客户由您本人登记：须由另一位店长确认身份。</translation>
    </message>
</context>
<context>
    <name>RecordDetailScreen</name>
    <message>
        <source>Registration of %1</source>
        <translation>%1 的登记</translation>
    </message>
    <message>
        <source>Left: the face on the ID photo. Right: the face at the kiosk.</source>
        <translation>左：证件照上的人脸。右：终端前的人脸。</translation>
    </message>
    <message>
        <source>Outcome: %1   Liveness: %2   Distance: %3   Face checks: %4   Upload: %5</source>
        <translation>结果：%1   活体：%2   距离：%3   人脸核验：%4 次   上传：%5</translation>
    </message>
    <message>
        <source>Clerk: %1. %2</source>
        <translation>店员：%1。%2</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>审核记录</translation>
    </message>
    <message>
        <source>The clerk handed this customer to you: decide below.</source>
        <translation>店员已将此客户转交给您：请在下方作出决定。</translation>
    </message>
    <message>
        <source>Not reviewed yet.</source>
        <translation>尚未审核。</translation>
    </message>
    <message>
        <source>Back to the day</source>
        <translation>返回当日</translation>
    </message>
    <message>
        <source>Opening this record, its picture and every decision are recorded in the audit log. Decisions go to the carrier with the next upload, once it holds the record.</source>
        <translation>打开此记录、查看其图片以及每项决定都会记入审计日志。运营商收到该记录后，决定会随下一次上传发送给运营商。</translation>
    </message>
</context>
<context>
    <name>RegistrationWorkflow</name>
    <message>
        <source>Type your name and your password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>The staff list cannot be read (%1). Ask the manager.</source>
        <translation>无法读取员工名单（%1）。请联系店长。</translation>
    </message>
    <message>
        <source>The name or the password is wrong.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message numerus="yes">
        <source>Signed out after %n minute(s) without activity.</source>
        <translation>
            <numerusform>无操作 %n 分钟，已自动退出登录。</numerusform>
        </translation>
    </message>
    <message>
        <source>This account is locked (too many wrong passwords, or by the manager). Try again in %1, or ask the manager.</source>
        <translation>账号已锁定（密码错误次数过多或被店长锁定）。请在 %1 后重试，或联系店长。</translation>
    </message>
    <message>
        <source>This account is locked. Ask the manager.</source>
        <translation>账号已锁定。请联系店长。</translation>
    </message>
    <message>
        <source>This customer had %1 face checks in the last 10 minutes. The next one is possible at %2; or hand over to the manager for a manual check.</source>
        <translation>该客户在过去 10 分钟内已进行 %1 次人脸核验。下一次可在 %2 进行；或交由店长人工核验。</translation>
    </message>
    <message>
        <source>This kiosk has no store to save to.</source>
        <translation>此终端没有可保存的数据库。</translation>
    </message>
    <message>
        <source>Liveness check passed.</source>
        <translation>活体检测通过。</translation>
    </message>
    <message>
        <source>The face matches the ID photo.</source>
        <translation>人脸与证件照片一致。</translation>
    </message>
    <message>
        <source>The face does not match the ID photo.</source>
        <translation>人脸与证件照片不一致。</translation>
    </message>
    <message>
        <source>A prompt was not followed in time.</source>
        <translation>未在规定时间内完成提示动作。</translation>
    </message>
    <message>
        <source>The head turned the wrong way.</source>
        <translation>转头方向错误。</translation>
    </message>
    <message>
        <source>The face moved like a flat picture (photo or screen).</source>
        <translation>人脸像平面图像一样移动（照片或屏幕）。</translation>
    </message>
    <message>
        <source>The face left the camera's view.</source>
        <translation>人脸离开了摄像头画面。</translation>
    </message>
    <message>
        <source>A different face appeared during the check.</source>
        <translation>核验过程中出现了另一张人脸。</translation>
    </message>
    <message>
        <source>More than one person was in view.</source>
        <translation>画面中有多于一人。</translation>
    </message>
    <message>
        <source>No face was seen.</source>
        <translation>未检测到人脸。</translation>
    </message>
    <message>
        <source>The prompts were not completed.</source>
        <translation>提示动作未完成。</translation>
    </message>
    <message>
        <source>The person could not be followed from start to end.</source>
        <translation>无法从头到尾跟踪同一人。</translation>
    </message>
    <message>
        <source>The camera stream looked injected (timing or frames).</source>
        <translation>摄像头视频流疑似被注入（时序或画面异常）。</translation>
    </message>
    <message>
        <source>A virtual camera is not accepted.</source>
        <translation>不接受虚拟摄像头。</translation>
    </message>
    <message>
        <source>No sharp frontal frame of the face.</source>
        <translation>没有清晰的正脸画面。</translation>
    </message>
    <message>
        <source>The customer chose the manual check instead of the face check.</source>
        <translation>客户选择人工核验而非人脸核验。</translation>
    </message>
    <message>
        <source>Handed over to the manager.</source>
        <translation>已交由店长处理。</translation>
    </message>
    <message>
        <source>No camera was configured.</source>
        <translation>未配置摄像头。</translation>
    </message>
    <message>
        <source>The face check was not available.</source>
        <translation>人脸核验不可用。</translation>
    </message>
    <message>
        <source>The face models did not load.</source>
        <translation>人脸模型未能加载。</translation>
    </message>
    <message>
        <source>The camera failed during the face check.</source>
        <translation>人脸核验过程中摄像头故障。</translation>
    </message>
    <message>
        <source>Too many face checks for this customer in 10 minutes.</source>
        <translation>该客户 10 分钟内人脸核验次数过多。</translation>
    </message>
    <message>
        <source>No report folder is configured.</source>
        <translation>未配置报表文件夹。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>已保存为 %1</translation>
    </message>
    <message>
        <source>The face looked like a photo or a screen, not a live person.</source>
        <translation>人脸看起来像照片或屏幕，而不是真人。</translation>
    </message>
    <message>
        <source>The face could not be checked for a photo or a screen.</source>
        <translation>无法检查人脸是否为照片或屏幕。</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待上传</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>refused (ID quota)</source>
        <translation>被拒（证件配额）</translation>
    </message>
    <message>
        <source>refused (to check)</source>
        <translation>被拒（待核查）</translation>
    </message>
    <message>
        <source>match</source>
        <translation>匹配</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>不匹配</translation>
    </message>
    <message>
        <source>for the manager</source>
        <translation>待店长处理</translation>
    </message>
    <message>
        <source>approved by hand</source>
        <translation>人工核准</translation>
    </message>
    <message>
        <source>rejected by hand</source>
        <translation>人工拒绝</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>已记录</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>未进行</translation>
    </message>
    <message>
        <source>The person in front of the camera changed during the check.</source>
        <translation>检查过程中镜头前的人发生了变化。</translation>
    </message>
    <message>
        <source>The check was paused for too long.</source>
        <translation>检查暂停时间过长。</translation>
    </message>
    <message>
        <source>This camera is not the kiosk's own camera.</source>
        <translation>此摄像头不是本终端的摄像头。</translation>
    </message>
    <message>
        <source>The kiosk could not count this ID number's registrations, so it cannot go on. Try again; if it happens again, call the store manager.</source>
        <translation>终端无法统计该证件号码的登记数量，因此无法继续。请重试；如果再次出现，请联系店长。</translation>
    </message>
    <message>
        <source>This ID number already has %1 SIM registrations at this kiosk, the most allowed. No new number can be registered for it. Failed checks do not count.</source>
        <translation>该证件号码在本终端已有 %1 个 SIM 卡登记，已达上限，不能再为其登记新号码。未通过的核验不计入。</translation>
    </message>
    <message>
        <source>The face in front of the camera is a staff member's. This registration cannot go on; the manager sees it in the day's records.</source>
        <translation>镜头前的人脸属于本店员工。此次登记无法继续，店长会在当天的登记记录中看到。</translation>
    </message>
    <message>
        <source>This ID number already has %1 SIM numbers with the carrier, in this or other shops: the most allowed. No new number can be registered for it.</source>
        <translation>该证件号码在运营商处（本店或其他门店）已有 %1 个号码，已达上限，不能再为其登记新号码。</translation>
    </message>
    <message>
        <source>The carrier found this face under another ID number: check the ID card and the customer again.</source>
        <translation>运营商发现此人脸登记在另一个身份证号码下：请重新核查身份证和客户本人。</translation>
    </message>
    <message>
        <source>The anti-spoofing models are not installed on this kiosk.</source>
        <translation>本机未安装防伪模型。</translation>
    </message>
    <message>
        <source>The face did not reflect the screen's colours as skin does (a screen or a print).</source>
        <translation>面部未像皮肤那样反射屏幕的颜色（可能是屏幕或打印件）。</translation>
    </message>
    <message>
        <source>The face was not seen well enough while the screen changed colour.</source>
        <translation>屏幕变色期间未能清楚看到面部。</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <source>Identity confirmed by the manager</source>
        <translation>身份已由店长确认</translation>
    </message>
    <message>
        <source>Identity not confirmed</source>
        <translation>身份未确认</translation>
    </message>
    <message>
        <source>checked, nothing wrong</source>
        <translation>已核查，无问题</translation>
    </message>
    <message>
        <source>the live face and the ID photo do not look alike</source>
        <translation>现场人脸与证件照不像</translation>
    </message>
    <message>
        <source>the document looks forged or altered</source>
        <translation>证件疑似伪造或被篡改</translation>
    </message>
    <message>
        <source>the typed data does not match the document</source>
        <translation>录入的信息与证件不符</translation>
    </message>
    <message>
        <source>the customer's behaviour needs a second look</source>
        <translation>客户的行为需要复查</translation>
    </message>
    <message>
        <source>other (see the shop's log book)</source>
        <translation>其他（见门店记录簿）</translation>
    </message>
    <message>
        <source>ID card checked in person</source>
        <translation>已当面核验身份证</translation>
    </message>
    <message>
        <source>a second photo ID checked in person</source>
        <translation>已当面核验第二种带照片证件</translation>
    </message>
    <message>
        <source>the person could not be matched to the ID card</source>
        <translation>无法确认本人与身份证相符</translation>
    </message>
    <message>
        <source>the customer left before the check</source>
        <translation>客户在核验前离开</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Number cancelled</source>
        <translation>号码已注销</translation>
    </message>
    <message>
        <source>the customer gave the number up</source>
        <translation>客户放弃了该号码</translation>
    </message>
    <message>
        <source>the SIM was lost or stolen</source>
        <translation>SIM 卡丢失或被盗</translation>
    </message>
    <message>
        <source>the number was cut off for suspected fraud</source>
        <translation>因涉嫌欺诈停用该号码</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Changes apply to the next face check and are recorded in the audit log. The operator's configuration file holds the starting values.</source>
        <translation>更改从下一次人脸核验起生效，并记录在审计日志中。运维人员的配置文件保存初始值。</translation>
    </message>
    <message>
        <source>Settings cannot be changed on this kiosk.</source>
        <translation>此终端无法更改设置。</translation>
    </message>
    <message>
        <source>%1 (file: %2)</source>
        <translation>%1（文件：%2）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>SettingsViewModel</name>
    <message>
        <source>Face match threshold (lower is stricter: fewer impostors, more refusals)</source>
        <translation>人脸比对阈值（越低越严格：冒用者更少，拒绝更多）</translation>
    </message>
    <message>
        <source>Gestures per face check</source>
        <translation>每次人脸核验的动作数</translation>
    </message>
    <message>
        <source>Seconds the customer has for each gesture</source>
        <translation>客户完成每个动作的秒数</translation>
    </message>
    <message>
        <source>Face checks per customer in 10 minutes</source>
        <translation>每位客户 10 分钟内的人脸核验次数</translation>
    </message>
    <message>
        <source>Days the face pictures are kept for your review after upload</source>
        <translation>上传后为您审核而保留人脸图片的天数</translation>
    </message>
    <message>
        <source>Days customer data is kept after the carrier confirmed it</source>
        <translation>运营商确认后保留客户数据的天数</translation>
    </message>
    <message>
        <source>The saved settings cannot be read: %1</source>
        <translation>无法读取已保存的设置：%1</translation>
    </message>
    <message>
        <source>Settings cannot be changed on this kiosk.</source>
        <translation>此终端无法更改设置。</translation>
    </message>
    <message>
        <source>This setting cannot be changed here.</source>
        <translation>此设置不能在这里更改。</translation>
    </message>
    <message>
        <source>%1 must be within %2; nothing was changed.</source>
        <translation>%1 必须在 %2 范围内；未作任何更改。</translation>
    </message>
    <message>
        <source>The setting could not be saved: %1</source>
        <translation>无法保存设置：%1</translation>
    </message>
    <message>
        <source>Saved, but the audit log could not record it: %1</source>
        <translation>已保存，但审计日志无法记录：%1</translation>
    </message>
    <message>
        <source>Saved: %1 is now %2 (was %3).</source>
        <translation>已保存：%1 现为 %2（原为 %3）。</translation>
    </message>
</context>
<context>
    <name>SimReconciliation</name>
    <message>
        <source>%1  (records %2)</source>
        <translation>%1（记录 %2）</translation>
    </message>
    <message>
        <source>Open the day view first.</source>
        <translation>请先打开当日视图。</translation>
    </message>
    <message>
        <source>Give the file of the carrier's export.</source>
        <translation>请提供运营商导出的文件。</translation>
    </message>
    <message>
        <source>The export was not read: %1</source>
        <translation>未能读取导出文件：%1</translation>
    </message>
    <message>
        <source>Activated without a registration (%1)</source>
        <translation>无登记即激活（%1）</translation>
    </message>
    <message>
        <source>Activated although no registration handed it over (%1)</source>
        <translation>无任何登记发放却已激活（%1）</translation>
    </message>
    <message>
        <source>Handed over by two or more registrations (%1)</source>
        <translation>由两条或以上登记发放（%1）</translation>
    </message>
    <message>
        <source>Handed over but not activated (%1)</source>
        <translation>已发放但未激活（%1）</translation>
    </message>
    <message>
        <source>%1: %2 activated SIMs, %3 registrations. %4</source>
        <translation>%1：%2 张已激活 SIM 卡，%3 条登记。%4</translation>
    </message>
    <message>
        <source>Everything reconciles.</source>
        <translation>全部核对一致。</translation>
    </message>
    <message>
        <source>Something does not reconcile: see the lists.</source>
        <translation>存在不一致：请查看列表。</translation>
    </message>
    <message>
        <source> %1 registrations not compared: their customer data is shredded.</source>
        <translation> %1 条登记未核对：其客户数据已销毁。</translation>
    </message>
</context>
<context>
    <name>SimReconciliationPanel</name>
    <message>
        <source>Save the carrier's export of the SIMs activated on %1 (UTC) as a CSV file with an &quot;iccid&quot; column, then reconcile it with this kiosk's registrations of that day.</source>
        <translation>将运营商导出的 %1（UTC）激活 SIM 卡清单保存为含“iccid”列的 CSV 文件，然后与本终端当天的登记进行核对。</translation>
    </message>
    <message>
        <source>Reconcile</source>
        <translation>核对</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <source>Staff accounts</source>
        <translation>员工账户</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>店员</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Password (at least 8 characters)</source>
        <translation>密码（至少 8 个字符）</translation>
    </message>
    <message>
        <source>The password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Add as a clerk</source>
        <translation>添加为店员</translation>
    </message>
    <message>
        <source>Set this new password</source>
        <translation>设置此新密码</translation>
    </message>
    <message>
        <source>Every change is recorded in the audit log under your name. A locked account opens again when you set a new password for it.</source>
        <translation>每项更改都会以您的名义记入审计日志。为被锁定的账户设置新密码后，该账户即可重新使用。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>StaffView</name>
    <message>
        <source>locked until a new password is set</source>
        <translation>已锁定，直到设置新密码</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <source>active; %1 failed sign-in(s) since the last success</source>
        <translation>正常；自上次成功登录以来失败 %1 次</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Sign in as a manager first.</source>
        <translation>请先以店长身份登录。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Not added: the name %1 is taken.</source>
        <translation>未添加：名称 %1 已被使用。</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>未添加：%1</translation>
    </message>
    <message>
        <source>Clerk %1 added. They sign in with the password you gave them.</source>
        <translation>已添加店员 %1。其使用您设置的密码登录。</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>未更改：%1</translation>
    </message>
    <message>
        <source>New password set for %1; the account is unlocked.</source>
        <translation>已为 %1 设置新密码；账户已解锁。</translation>
    </message>
    <message>
        <source>You cannot lock your own account.</source>
        <translation>您不能锁定自己的账户。</translation>
    </message>
    <message>
        <source>Not locked: %1</source>
        <translation>未锁定：%1</translation>
    </message>
    <message>
        <source>%1 is locked until you set a new password.</source>
        <translation>%1 已锁定，直到您设置新密码。</translation>
    </message>
    <message>
        <source>Another manager's password is not set here: they set it themselves, or the operator does.</source>
        <translation>此处不能设置其他店长的密码：由其本人或运维人员设置。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Demo accounts: clerk %1 / %2, manager %3 / %4</source>
        <translation>演示账号：店员 %1 / %2，店长 %3 / %4</translation>
    </message>
</context>
</TS>
