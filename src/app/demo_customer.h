// Generated customer data for demos and tests: valid by core's rules, recognisably fake.
#pragma once

#include "store/registration_repository.h"

namespace simkyc::app {

// The n-th demo customer (n >= 0): name "DEMO Customer <n>", a GB 11643 ID number born in 1990
// (region 110105, checked with core::checkIdNumber), a 139 mobile number and an 8986 ICCID with
// its Luhn digit.
store::CustomerPii demoCustomer(int n);

} // namespace simkyc::app
