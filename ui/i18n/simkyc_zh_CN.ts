<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
    <name>NotBuiltScreen</name>
    <message>
        <source>Next step not built yet</source>
        <translation>下一步尚未实现</translation>
    </message>
    <message>
        <source>The customer data was checked. Capturing the ID card, the customer&apos;s consent, the liveness check and the face match are not built in this version of SimKYC, so this registration cannot be completed and nothing has been stored.</source>
        <translation>客户信息已校验。本版本 SimKYC 尚未实现身份证采集、客户同意、活体检测和人脸比对，因此本次登记无法完成，未保存任何数据。</translation>
    </message>
    <message>
        <source>End this registration</source>
        <translation>结束本次登记</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
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
</context>
<context>
    <name>main</name>
    <message>
        <source>Demo account: %1 / %2</source>
        <translation>演示账号：%1 / %2</translation>
    </message>
</context>
</TS>
