// Small helpers shared by the photo mode (main.cpp) and the session mode (session_attacks.cpp) of
// simkyc-make-attacks: seed mixing, CSV reading and writing, file-name-safe names.
// Guarantees: none of these throws except on allocation failure; readCsvTable() returns nullopt for a
// missing or empty file. Thread-safety: free functions and value types.
#pragma once

#include "core/csv.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace simkyc::tools {

// The photo sources of labels/identities.csv the tool takes faces from.
inline constexpr const char *kIdentitySources[] = {"deepface", "face-api.js", "yalefaces"};

// splitmix64 over the combined value: nearby inputs give unrelated streams (seeds for cv::RNG).
std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t a, std::uint64_t b);

// `text` with every character other than [A-Za-z0-9_-] replaced by '_'.
std::string safeName(const std::string &text);

using core::csvField;
using core::CsvTable;

// The table in the file (core/csv.h), or nullopt for a missing or empty file.
std::optional<CsvTable> readCsvTable(const std::filesystem::path &path);

} // namespace simkyc::tools
