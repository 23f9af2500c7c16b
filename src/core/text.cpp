#include "core/text.h"

namespace simkyc::core {

std::string foldFullWidth(std::string_view utf8)
{
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto b0 = static_cast<unsigned char>(utf8[i]);
        if (i + 2 < utf8.size() && (b0 == 0xEF || b0 == 0xE3)) {
            const auto b1 = static_cast<unsigned char>(utf8[i + 1]);
            const auto b2 = static_cast<unsigned char>(utf8[i + 2]);
            if ((b1 & 0xC0U) == 0x80U && (b2 & 0xC0U) == 0x80U) {
                const unsigned cp = ((b0 & 0x0FU) << 12U) | ((b1 & 0x3FU) << 6U) | (b2 & 0x3FU);
                if (cp >= 0xFF01U && cp <= 0xFF5EU) {
                    out.push_back(static_cast<char>(cp - 0xFEE0U));
                    i += 2;
                    continue;
                }
                if (cp == 0x3000U) {
                    out.push_back(' ');
                    i += 2;
                    continue;
                }
            }
        }
        out.push_back(static_cast<char>(b0));
    }
    return out;
}

bool isAllDigits(std::string_view text)
{
    if (text.empty())
        return false;
    for (char c : text) {
        if (!isAsciiDigit(c))
            return false;
    }
    return true;
}

std::size_t codePointCount(std::string_view utf8)
{
    std::size_t count = 0;
    for (char c : utf8) {
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U)
            ++count;
    }
    return count;
}

std::string maskPersonName(std::string_view utf8)
{
    std::size_t begin = 0;
    while (begin < utf8.size() && isAsciiSpace(utf8[begin]))
        ++begin;
    if (begin == utf8.size())
        return {};
    std::size_t end = begin + 1; // through the continuation bytes (10xxxxxx) of the first code point
    while (end < utf8.size() && (static_cast<unsigned char>(utf8[end]) & 0xC0U) == 0x80U)
        ++end;
    return std::string(utf8.substr(begin, end - begin)) + "**";
}

std::string maskMiddle(std::string_view text, std::size_t keepFront, std::size_t keepBack)
{
    if (text.size() <= keepFront + keepBack)
        return std::string(text.size(), '*');
    std::string out(text);
    for (std::size_t i = keepFront; i < text.size() - keepBack; ++i)
        out[i] = '*';
    return out;
}

} // namespace simkyc::core
