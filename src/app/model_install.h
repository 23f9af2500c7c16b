// Installing a model file the operator brings (the Apache-2.0 MiniFASNet networks are in no Debian
// package): `simkyc-cli models install FILE...`. The file is copied into a temporary file in the
// destination folder first, the copy is hashed, and only a copy whose SHA-256 and size are a
// manifest entry's is renamed to that entry's file name (durably: fsync, rename, fsync of the
// folder). So a file that changes while it is read, or a different model under the right name,
// never lands; the entry is recognised by its hash, not by the name the file arrived with.
// Guarantees: on any error nothing is left in the destination (the temporary file is removed) and
// an installed model of the same id is untouched. Installed files are mode 0644 (the kiosk's
// service user reads them; models are not secrets).
// Thread-safety: free functions; one installer per destination at a time.
#pragma once

#include "app/model_catalog.h"
#include "core/result.h"

#include <filesystem>

namespace simkyc::app {

struct InstalledModel {
    ModelEntry entry;
    std::filesystem::path path; // where it now is
    bool replaced = false;      // a file was there before (damaged, or the same bytes again)
};

// Where `models install` puts files by default: the first folder the kiosk searches (--models-dir or
// $SIMKYC_MODELS_DIR when given, else <prefix>/share/simkyc/models beside the program).
[[nodiscard]] std::filesystem::path defaultModelInstallDir(const ModelCatalog &catalog);

// Errors: NotFound (no such file), InvalidArgument (not a regular file, or it matches no manifest
// entry: the message gives its size and SHA-256), IoError (the copy or the rename failed).
[[nodiscard]] Result<InstalledModel> installModel(const ModelCatalog &catalog, const std::filesystem::path &file,
                                                  const std::filesystem::path &destinationDir);

} // namespace simkyc::app
