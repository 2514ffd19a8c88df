// The injected clock: every piece of code that reads time reads it here, so tests can set it.
#pragma once

#include <atomic>
#include <chrono>

namespace motcua::core {

using Instant = std::chrono::sys_time<std::chrono::microseconds>;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Instant Now() const override {
    return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
  }
};

// The system clock shifted so that it read `start` at construction: time runs on from a chosen
// instant (demo and black-box tests of deadlines).
class ShiftedClock final : public Clock {
 public:
  explicit ShiftedClock(Instant start) : offset_(start - system_.Now()) {}
  Instant Now() const override { return system_.Now() + offset_; }

 private:
  SystemClock system_;
  std::chrono::microseconds offset_;
};

// A clock tests set and move by hand. Thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Instant start) : now_(start.time_since_epoch().count()) {}
  Instant Now() const override { return Instant(std::chrono::microseconds(now_.load())); }
  void Set(Instant t) { now_.store(t.time_since_epoch().count()); }
  void Advance(std::chrono::microseconds d) { now_.fetch_add(d.count()); }

 private:
  std::atomic<long long> now_;
};

}  // namespace motcua::core
