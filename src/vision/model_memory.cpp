#include "vision/model_memory.h"

#include <sys/mman.h>
#include <unistd.h>

namespace simkyc::vision {
namespace {

#ifndef MADV_COLLAPSE
constexpr int MADV_COLLAPSE = 25; // Linux 6.1; older kernels answer EINVAL
#endif

constexpr std::uintptr_t kHugePage = 2u << 20;

std::uintptr_t currentTop()
{
    void *top = sbrk(0);
    return top == reinterpret_cast<void *>(-1) ? 0 : reinterpret_cast<std::uintptr_t>(top);
}

} // namespace

HeapMark heapMark()
{
    return HeapMark{currentTop()};
}

HugePageAdvice adviseHugePagesSince(HeapMark mark)
{
    HugePageAdvice advice;
    const std::uintptr_t top = currentTop();
    if (mark.top == 0 || top <= mark.top)
        return advice;
    // Whole huge pages inside the grown part only: never advise memory below the mark.
    const std::uintptr_t begin = (mark.top + kHugePage - 1) & ~(kHugePage - 1);
    const std::uintptr_t end = top & ~(kHugePage - 1);
    if (end <= begin)
        return advice;
    void *start = reinterpret_cast<void *>(begin);
    const std::size_t length = end - begin;
    if (madvise(start, length, MADV_HUGEPAGE) != 0)
        return advice;
    advice.advisedBytes = length;
    advice.collapsed = madvise(start, length, MADV_COLLAPSE) == 0;
    return advice;
}

} // namespace simkyc::vision
