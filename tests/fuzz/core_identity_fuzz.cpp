// The customer-identity parsers on arbitrary text: ID number, phone number, ICCID and ISO dates.
// Properties: an accepted value is normalised (parsing it again gives the same value) and a date
// round-trips through toIsoString and the day number.
#include "core/date.h"
#include "core/iccid.h"
#include "core/id_number.h"
#include "core/phone.h"
#include "fuzz_util.h"

using namespace simkyc;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input = fuzz::text(data, size);
    const core::Date today{2026, 11, 28};

    if (auto id = core::parseIdNumber(input, today)) {
        FUZZ_CHECK(id->text.size() == static_cast<std::size_t>(core::kIdNumberLength));
        auto again = core::parseIdNumber(id->text, today);
        FUZZ_CHECK(again && *again == *id);
        FUZZ_CHECK(core::maskIdNumber(id->text).size() == id->text.size());
    }
    (void)core::maskIdNumber(core::normaliseIdNumber(input));

    if (auto phone = core::parsePhoneNumber(input)) {
        FUZZ_CHECK(phone->digits.size() == static_cast<std::size_t>(core::kPhoneNumberLength));
        auto again = core::parsePhoneNumber(phone->e164());
        FUZZ_CHECK(again && *again == *phone);
    }
    (void)core::maskPhoneNumber(core::normalisePhoneNumber(input));

    if (auto iccid = core::parseIccid(input)) {
        FUZZ_CHECK(core::isLuhnValid(iccid->digits));
        auto again = core::parseIccid(iccid->digits);
        FUZZ_CHECK(again && *again == *iccid);
    }
    (void)core::luhnCheckDigit(input);

    if (auto date = core::parseIsoDate(input)) {
        FUZZ_CHECK(date->isValid());
        FUZZ_CHECK(date->toIsoString() == input);
        FUZZ_CHECK(core::Date::fromDayNumber(date->toDayNumber()) == *date);
        (void)core::ageInYears(*date, today);
    }
    return 0;
}
