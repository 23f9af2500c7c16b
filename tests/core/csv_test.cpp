#include "core/csv.h"

#include <gtest/gtest.h>

namespace simkyc::core {
namespace {

TEST(Csv, QuotedFieldsKeepCommasAndDoubledQuotes)
{
    EXPECT_EQ(splitCsvLine(R"(a,"b, c","say ""hi""",)"), (std::vector<std::string>{"a", "b, c", R"(say "hi")", ""}));
    EXPECT_EQ(splitCsvLine("x,y\r"), (std::vector<std::string>{"x", "y"})) << "a Windows line end is dropped";
    EXPECT_EQ(splitCsvLine(""), std::vector<std::string>{""});
}

TEST(Csv, AFieldWrittenIsReadBackTheSame)
{
    for (const std::string text : {"plain", "a,b", R"(a "quote")", "line\nbreak", ""}) {
        const std::string line = csvField(text) + "," + csvField("next");
        if (text.find('\n') != std::string::npos) {
            EXPECT_EQ(csvField(text).front(), '"') << "a line break is quoted";
            continue;
        }
        EXPECT_EQ(splitCsvLine(line), (std::vector<std::string>{text, "next"})) << line;
    }
    EXPECT_EQ(csvField("plain"), "plain") << "nothing to quote";
}

TEST(Csv, ATableSkipsBlankLinesAndPadsShortRows)
{
    const auto table = parseCsvTable("video,event,start\r\n\r\na.mp4,blink,10\n\nb.mp4\n");
    ASSERT_TRUE(table.has_value());
    EXPECT_EQ(table->header, (std::vector<std::string>{"video", "event", "start"}));
    ASSERT_EQ(table->rows.size(), 2U);
    EXPECT_EQ(table->rows[1], (std::vector<std::string>{"b.mp4", "", ""})) << "padded to the header's width";
    EXPECT_EQ(table->column("event"), 1U);
    EXPECT_FALSE(table->column("missing").has_value());
    EXPECT_EQ(table->cell(table->rows[0], table->column("start")), "10");
    EXPECT_EQ(table->cell(table->rows[0], table->column("missing")), "") << "a missing column reads as empty";
}

TEST(Csv, TextWithoutAHeaderLineIsNoTable)
{
    EXPECT_FALSE(parseCsvTable("").has_value());
    EXPECT_FALSE(parseCsvTable("\n\r\n").has_value());
}

} // namespace
} // namespace simkyc::core
