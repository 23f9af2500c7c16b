#include "core/checked.h"
#include "core/text.h"

#include <gtest/gtest.h>

#include <string>

namespace simkyc::core {
namespace {

TEST(FoldFullWidth, MapsDigitsLettersAndIdeographicSpace)
{
    EXPECT_EQ(foldFullWidth("\uFF10\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19"), "0123456789");
    EXPECT_EQ(foldFullWidth("\uFF38\uFF58"), "Xx");
    EXPECT_EQ(foldFullWidth("\uFF0B\uFF0D"), "+-");
    EXPECT_EQ(foldFullWidth("a\u3000b"), "a b");
}

TEST(FoldFullWidth, RangeBoundariesAreExact)
{
    EXPECT_EQ(foldFullWidth("\uFF01"), "!"); // first of the range
    EXPECT_EQ(foldFullWidth("\uFF5E"), "~"); // last of the range
    EXPECT_EQ(foldFullWidth("\uFF00"), "\uFF00");
    EXPECT_EQ(foldFullWidth("\uFF5F"), "\uFF5F");
    EXPECT_EQ(foldFullWidth("\u3001"), "\u3001"); // ideographic comma is not a space
}

TEST(FoldFullWidth, LeavesOtherTextAndBrokenUtf8Alone)
{
    EXPECT_EQ(foldFullWidth(""), "");
    EXPECT_EQ(foldFullWidth("plain ASCII 123"), "plain ASCII 123");
    EXPECT_EQ(foldFullWidth("\u4E2D\u6587"), "\u4E2D\u6587");
    EXPECT_EQ(foldFullWidth("\xEF\xBC"), "\xEF\xBC");         // truncated sequence
    EXPECT_EQ(foldFullWidth("1\xEF\xBC"), "1\xEF\xBC");       // truncated at the end
    EXPECT_EQ(foldFullWidth("\xEF\x41\x90"), "\xEF\x41\x90"); // bad continuation byte
}

TEST(TextHelpers, AllDigits)
{
    EXPECT_TRUE(isAllDigits("0123456789"));
    EXPECT_FALSE(isAllDigits(""));
    EXPECT_FALSE(isAllDigits("12a"));
    EXPECT_FALSE(isAllDigits(" 1"));
    EXPECT_FALSE(isAllDigits("\uFF11"));
}

TEST(TextHelpers, CodePointCount)
{
    EXPECT_EQ(codePointCount(""), 0u);
    EXPECT_EQ(codePointCount("abc"), 3u);
    EXPECT_EQ(codePointCount("\u4E2D\u6587"), 2u);
    EXPECT_EQ(codePointCount("a\U0001F600b"), 3u);
}

TEST(TextHelpers, MaskMiddle)
{
    EXPECT_EQ(maskMiddle("13812345678", 3, 4), "138****5678");
    EXPECT_EQ(maskMiddle("123456789", 4, 4), "1234*6789");
    EXPECT_EQ(maskMiddle("12345678", 4, 4), "********"); // never shown whole
    EXPECT_EQ(maskMiddle("123", 4, 4), "***");
    EXPECT_EQ(maskMiddle("", 4, 4), "");
}

// The day view cut names to their first UTF-16 unit: a name starting with a character outside the
// BMP (U+20BB7, common in rare-character names) showed as half a surrogate pair.
TEST(TextHelpers, MaskPersonNameKeepsTheWholeFirstCharacter)
{
    EXPECT_EQ(maskPersonName("\u5F20\u4E09"), "\u5F20**");
    EXPECT_EQ(maskPersonName("\U00020BB7\u91CE"), "\U00020BB7**");
    EXPECT_EQ(maskPersonName("  Li Lei"), "L**");
    EXPECT_EQ(maskPersonName("A"), "A**") << "the length is not shown";
    EXPECT_EQ(maskPersonName("   "), "");
    EXPECT_EQ(maskPersonName(""), "");
}

enum class TestRule { First, Second };

TEST(Checked, PassCarriesValueAndNoRule)
{
    auto c = Checked<int, TestRule>::pass(42);
    ASSERT_TRUE(c.ok());
    EXPECT_TRUE(static_cast<bool>(c));
    EXPECT_EQ(c.value(), 42);
    EXPECT_FALSE(c.failedRule().has_value());
    EXPECT_TRUE(c.result().ok());
    EXPECT_EQ(std::move(c).value(), 42);
}

TEST(Checked, FailCarriesRuleAndError)
{
    auto c = Checked<std::string, TestRule>::fail(TestRule::Second, ErrorCode::InvalidFormat, "second: broken");
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.failedRule(), TestRule::Second);
    EXPECT_EQ(c.error().code, ErrorCode::InvalidFormat);
    EXPECT_EQ(c.error().message, "second: broken");
    Result<std::string> r = std::move(c).result();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().toString(), "invalid_format: second: broken");
}

} // namespace
} // namespace simkyc::core
