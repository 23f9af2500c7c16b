// Small files written atomically and durably: write a temporary file beside the target, fsync it,
// rename it over the target, fsync the folder. Guarantees: a reader (or a power cut) sees either the
// old file or the complete new one, never a mix; new files get the given permissions (default 0600)
// from creation, so a secret is never readable by others even briefly; errors name the path only.
// Thread-safety: free functions; concurrent writers of one path are not supported.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

namespace simkyc::store {

inline constexpr std::filesystem::perms kOwnerOnly =
    std::filesystem::perms::owner_read | std::filesystem::perms::owner_write;

// IoError when any step fails (the temporary file is removed). With replace = false an existing
// target is InvalidArgument and left untouched.
Status writeFileAtomically(const std::filesystem::path &file, std::span<const std::uint8_t> bytes,
                           std::filesystem::perms mode = kOwnerOnly, bool replace = false);

// rename(from, to) (replacing to), then fsync of the folder, so the rename survives a power cut.
// Both paths must be in the same folder. IoError on failure.
Status renameDurably(const std::filesystem::path &from, const std::filesystem::path &to);

// The whole file, up to maxBytes: NotFound if missing, IoError if unreadable, InvalidFormat if larger.
Result<std::vector<std::uint8_t>> readSmallFile(const std::filesystem::path &file, std::size_t maxBytes = 64 * 1024);

// Creates the folder (and parents) with mode 0700 if missing. IoError on failure.
Status ensurePrivateDirectory(const std::filesystem::path &dir);

} // namespace simkyc::store
