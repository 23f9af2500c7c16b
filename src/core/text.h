// Small UTF-8 text helpers shared by the validators: width folding for input typed through a
// Chinese IME, code point counting and display masking. Pure functions, no allocation beyond the
// returned string, no locale dependence; invalid UTF-8 bytes pass through unchanged.
// Thread-safety: pure functions, safe from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace simkyc::core {

// Maps the full-width forms U+FF01..U+FF5E to ASCII 0x21..0x7E (e.g. U+FF10 -> '0', U+FF38 -> 'X')
// and the ideographic space U+3000 to ' '. Every other byte is copied unchanged.
[[nodiscard]] std::string foldFullWidth(std::string_view utf8);

// True for ' ', '\t', '\n', '\r', '\v', '\f' (ASCII only; no locale).
[[nodiscard]] constexpr bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

[[nodiscard]] constexpr bool isAsciiDigit(char c)
{
    return c >= '0' && c <= '9';
}

// True when text is non-empty and every byte is an ASCII digit.
[[nodiscard]] bool isAllDigits(std::string_view text);

// Number of code points, counting every byte that is not a UTF-8 continuation byte (10xxxxxx).
[[nodiscard]] std::size_t codePointCount(std::string_view utf8);

// Keeps the first keepFront and last keepBack bytes and replaces the rest with '*', e.g.
// maskMiddle("13812345678", 3, 4) == "138****5678". When the text is not longer than
// keepFront + keepBack every byte is masked, so a short or truncated value is never shown whole.
// Meant for normalised ASCII text.
[[nodiscard]] std::string maskMiddle(std::string_view text, std::size_t keepFront, std::size_t keepBack);

// A person's name as lists show it: the first character (code point) of the name without its
// surrounding ASCII spaces, then "**" whatever the length, so the length is not shown either:
// "张三" -> "张**", "𠮷野" -> "𠮷**" (a character outside the BMP stays whole). "" for a blank name.
[[nodiscard]] std::string maskPersonName(std::string_view utf8);

} // namespace simkyc::core
