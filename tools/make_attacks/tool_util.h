// Small helpers shared by the photo mode (main.cpp) and the session mode (session_attacks.cpp) of
// simkyc-make-attacks: seed mixing, CSV reading and writing, file-name-safe names.
// Guarantees: none of these throws except on allocation failure; readCsvTable() returns nullopt for a
// missing or empty file. Thread-safety: free functions and value types.
#pragma once

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

// One CSV record (RFC 4180 quoting; no embedded line breaks); a trailing '\r' is dropped.
std::vector<std::string> parseCsvLine(const std::string &line);

// `text` quoted for CSV when it holds a comma, a quote or a line break.
std::string csvField(const std::string &text);

struct CsvTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows; // each padded with empty fields to the header's width

    // Index of the named column, or header.size() when there is none.
    [[nodiscard]] size_t column(const std::string &name) const;
};

std::optional<CsvTable> readCsvTable(const std::filesystem::path &path);

} // namespace simkyc::tools
