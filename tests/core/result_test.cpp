#include "core/result.h"

#include <gtest/gtest.h>

#include <memory>
#include <set>

namespace simkyc {
namespace {

Result<int> parsePositive(int v)
{
    if (v <= 0)
        return {ErrorCode::InvalidArgument, "must be positive"};
    return v;
}

TEST(Result, CarriesValue)
{
    auto r = parsePositive(7);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(*r, 7);
}

TEST(Result, CarriesErrorWithCodeAndMessage)
{
    auto r = parsePositive(-1);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(r.error().toString(), "invalid_argument: must be positive");
}

TEST(Result, MoveOnlyValue)
{
    Result<std::unique_ptr<int>> r(std::make_unique<int>(3));
    ASSERT_TRUE(r.ok());
    std::unique_ptr<int> p = std::move(r).value();
    EXPECT_EQ(*p, 3);
}

TEST(Result, VoidStatus)
{
    Status good;
    EXPECT_TRUE(good.ok());
    Status bad(ErrorCode::IoError, "disk full");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, ErrorCode::IoError);
}

TEST(Result, ErrorCodeNamesAreStableAndDistinct)
{
    // These names are part of the CLI/JSON contract: changing one is a breaking change.
    EXPECT_EQ(errorCodeName(ErrorCode::ModelMissing), "model_missing");
    EXPECT_EQ(errorCodeName(ErrorCode::ModelHashMismatch), "model_hash_mismatch");
    EXPECT_EQ(errorCodeName(ErrorCode::NoFace), "no_face");
    EXPECT_EQ(errorCodeName(ErrorCode::SeveralFaces), "several_faces");
    EXPECT_EQ(errorCodeName(ErrorCode::Unreadable), "unreadable");
    std::set<std::string_view> names;
    for (int c = 0; c <= static_cast<int>(ErrorCode::InvalidTransition); ++c)
        names.insert(errorCodeName(static_cast<ErrorCode>(c)));
    EXPECT_EQ(names.size(), static_cast<size_t>(ErrorCode::InvalidTransition) + 1);
}

} // namespace
} // namespace simkyc
