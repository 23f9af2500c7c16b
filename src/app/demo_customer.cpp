#include "app/demo_customer.h"

#include "core/iccid.h"
#include "core/id_number.h"

#include <cstdio>

namespace simkyc::app {

store::CustomerPii demoCustomer(int n)
{
    const int day = 1 + n % 28;
    const int month = 1 + (n / 28) % 12;
    char first17[32];
    std::snprintf(first17, sizeof first17, "1101051990%02d%02d%03d", month, day, 100 + n % 900);
    const char check = core::idCheckCharacter(first17).value_or('0');
    char birth[32];
    std::snprintf(birth, sizeof birth, "1990-%02d-%02d", month, day);
    char phone[32];
    std::snprintf(phone, sizeof phone, "139%08d", n % 100000000);
    char iccid[32];
    std::snprintf(iccid, sizeof iccid, "898600%012d", n);
    const char luhn = core::luhnCheckDigit(iccid).value_or('0');
    return store::CustomerPii{"DEMO Customer " + std::to_string(n),
                              std::string(first17) + check,
                              birth,
                              "DEMO Street " + std::to_string(n) + ", Beijing",
                              phone,
                              std::string(iccid) + luhn};
}

} // namespace simkyc::app
