// The 1:N face search end to end on one database (SQLite or PostgreSQL): records through the real
// server, then `simkyc-upstream face-search` and `face-matches` as the carrier's back office runs
// them. Shared by face_search_test.cpp (SQLite) and postgres_test.cpp.
#pragma once

#include <filesystem>
#include <string>

namespace simkyc::upstream::test {

void faceSearchScenario(const std::string &db, const std::filesystem::path &workDir);

} // namespace simkyc::upstream::test
