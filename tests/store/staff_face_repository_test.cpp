// The staff's own faces in the store: encrypted, bound to the account, audited, kept through a
// store-key rotation, gone with the account.
#include "store/audit_log.h"
#include "store/bytes.h"
#include "store/key_provider.h"
#include "store/key_rotation.h"
#include "store/open_store.h"
#include "store/staff_face_repository.h"
#include "store/staff_repository.h"
#include "store_fixture.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace simkyc::store {
namespace {

std::vector<float> face(float seed)
{
    std::vector<float> v(kStaffFaceDimensions);
    for (std::size_t i = 0; i < v.size(); ++i)
        v[i] = std::sin(seed * static_cast<float>(i + 1)) * 0.1F;
    return v;
}

class StaffFaceTest : public test::StoreFixture {
protected:
    std::int64_t countAudit(const std::string &action)
    {
        return *m_db->queryInt64("SELECT COUNT(*) FROM audit_log WHERE action = '" + action + "'");
    }
};

TEST_F(StaffFaceTest, EnrolledFacesComeBackOnlyThroughAnAuditedRead)
{
    StaffFaceRepository faces(*m_db, *m_keys);
    EXPECT_TRUE(faces.all("staff:9", "face_check")->empty());
    EXPECT_EQ(countAudit("staff.face_read"), 0) << "nothing to read, nothing decrypted";
    ASSERT_TRUE(faces.enrol(m_clerkId, face(1.0F), "staff:9"));
    EXPECT_EQ(*faces.enrolled(), std::vector<std::int64_t>{m_clerkId});
    // Stored encrypted: the floats' bytes are not in the row.
    auto row = m_db->prepare("SELECT sealed_embedding FROM staff_faces");
    ASSERT_TRUE(row);
    ASSERT_TRUE(row->step());
    const auto raw = fromBlob(row->columnBlob(0));
    const auto first = face(1.0F);
    EXPECT_EQ(std::search(raw.begin(), raw.end(), reinterpret_cast<const std::uint8_t *>(first.data()),
                          reinterpret_cast<const std::uint8_t *>(first.data()) + 16),
              raw.end());

    auto read = faces.all("staff:9", "face_check");
    ASSERT_TRUE(read) << read.error().toString();
    ASSERT_EQ(read->size(), 1U);
    EXPECT_EQ(read->front().staffId, m_clerkId);
    EXPECT_EQ(read->front().embedding, face(1.0F));
    EXPECT_EQ(countAudit("staff.face_enrol"), 1);
    EXPECT_EQ(countAudit("staff.face_read"), 1);

    ASSERT_TRUE(faces.enrol(m_clerkId, face(2.0F), "staff:9")) << "enrolling again replaces the face";
    EXPECT_EQ(faces.all("staff:9", "face_check")->front().embedding, face(2.0F));
    EXPECT_TRUE(*faces.remove(m_clerkId, "staff:9"));
    EXPECT_FALSE(*faces.remove(m_clerkId, "staff:9"));
    EXPECT_TRUE(faces.enrolled()->empty());
    EXPECT_EQ(countAudit("staff.face_remove"), 1);
}

TEST_F(StaffFaceTest, AFaceMovedToAnotherAccountDoesNotDecrypt)
{
    // The attack: someone with the database file moves the manager's enrolled face onto the clerk's
    // account (or swaps two rows), so that the clerk's own face is no longer on file.
    StaffRepository staff(*m_db, test::kCheapScrypt);
    auto manager = staff.add("manager1", StaffRole::Manager, "manager-password");
    ASSERT_TRUE(manager);
    StaffFaceRepository faces(*m_db, *m_keys);
    ASSERT_TRUE(faces.enrol(manager->id, face(3.0F), "cli"));
    ASSERT_TRUE(m_db->exec("UPDATE staff_faces SET staff_id = " + std::to_string(m_clerkId)));
    auto read = faces.all("staff:9", "face_check");
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().code, ErrorCode::CryptoFailure);
}

TEST_F(StaffFaceTest, BadEmbeddingsAndUnknownAccountsAreRefused)
{
    StaffFaceRepository faces(*m_db, *m_keys);
    EXPECT_EQ(faces.enrol(m_clerkId, std::vector<float>(127, 0.1F), "cli").error().code, ErrorCode::InvalidArgument);
    auto nan = face(1.0F);
    nan[5] = std::numeric_limits<float>::quiet_NaN();
    EXPECT_EQ(faces.enrol(m_clerkId, nan, "cli").error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(faces.enrol(m_clerkId + 100, face(1.0F), "cli").error().code, ErrorCode::NotFound);
    EXPECT_TRUE(faces.enrolled()->empty());
}

TEST_F(StaffFaceTest, AccountsDeletedTakeTheirFaceAlong)
{
    StaffFaceRepository faces(*m_db, *m_keys);
    ASSERT_TRUE(faces.enrol(m_clerkId, face(1.0F), "cli"));
    // Registrations reference the clerk; without any, the account row can go.
    ASSERT_TRUE(m_db->exec("DELETE FROM staff WHERE id = " + std::to_string(m_clerkId)));
    EXPECT_TRUE(faces.enrolled()->empty());
}

TEST_F(StaffFaceTest, AStoreKeyRotationKeepsTheFacesReadable)
{
    StaffFaceRepository faces(*m_db, *m_keys);
    ASSERT_TRUE(faces.enrol(m_clerkId, face(1.0F), "cli"));
    m_db.reset();
    RotationOptions options;
    auto report = rotateStoreKey(dataDir(), dbFile(), std::move(options));
    ASSERT_TRUE(report) << report.error().toString();
    EXPECT_GE(report->settingsRewrapped, 1) << "staff.face_key_wrapped";
    KeyFileProvider provider(keysDirOf(dataDir()) / kRawKeyFileName);
    auto fresh = unlockKeyring(dataDir(), provider);
    ASSERT_TRUE(fresh);
    ASSERT_FALSE(fresh->storeKey.equals(m_keys->storeKey.span()));
    auto db = openStore(dbFile());
    ASSERT_TRUE(db);
    StaffFaceRepository after(*db, *fresh);
    auto read = after.all("cli", "rotation_test");
    ASSERT_TRUE(read) << read.error().toString();
    EXPECT_EQ(read->front().embedding, face(1.0F));
}

} // namespace
} // namespace simkyc::store
