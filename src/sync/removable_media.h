// Sync without a network (docs/upstream-api.md, "Removable media"): pending records written as
// signed submission files for the carrier's `simkyc-upstream import`, and the receipts it writes
// back taken in with the same verification as over the network.
// Files: DIR/<record_id>.json (a submission body), DIR/manifest.json ({"v", "device_id",
// "exported_at", "records": [{"record_id", "sha256"}], "signature"}: Ed25519 by the device over
// "simkyc/export/v1\n" + the compact JSON of "records"), DIR/receipts/<record_id>.json.
// Guarantees: files are written atomically; an existing file for a record is replaced only by the
// same bytes' successor (the payload is immutable, so a re-export is identical but for the
// signature-free parts); a receipt acknowledges a record only if it verifies under the enrolled
// receipt key and names the exact payload the kiosk holds.
// Thread-safety: free functions; that of the Database.
#pragma once

#include "core/result.h"
#include "store/keyring.h"

#include <filesystem>

namespace simkyc::store {
class Database;
}

namespace simkyc::sync {

struct ExportReport {
    long long written = 0;
    std::string deviceId;
};

[[nodiscard]] Result<ExportReport> exportPending(store::Database &db, const store::Keyring &keys,
                                                 const std::filesystem::path &dir, int limit = 100000);

struct ImportReport {
    long long acknowledged = 0;
    long long quotaExceeded = 0;
    long long alreadyDone = 0; // receipts for records no longer pending
    long long rejected = 0;    // receipts that did not verify (the record stays pending)
};

[[nodiscard]] Result<ImportReport> importReceipts(store::Database &db, const store::Keyring &keys,
                                                  const std::filesystem::path &dir);

} // namespace simkyc::sync
