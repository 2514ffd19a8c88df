// A bounded pool of connections shared by the backends: callers wait (up to a limit) for a free one.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/db.hpp"

namespace motcua::store {

template <typename Conn>
class Pool {
 public:
  using Factory = std::function<std::unique_ptr<Conn>()>;

  Pool(std::string name, int max_size, std::chrono::milliseconds wait_limit, Factory factory)
      : name_(std::move(name)),
        max_size_(max_size < 1 ? 1 : max_size),
        wait_limit_(wait_limit),
        factory_(std::move(factory)) {}

  ~Pool() { CloseNow(); }

  // Hands out an idle connection, opens a new one while below the limit, or waits for one to be
  // released. Throws DbError kBusy when the wait limit passes, kConnection once closed.
  std::unique_ptr<Conn> Acquire() {
    std::unique_lock lock(mu_);
    if (closed_) throw DbError(DbError::Kind::kConnection, "begin", "database is closed");
    if (idle_.empty() && size_ >= max_size_) {
      ++waiting_;
      bool ready = cv_.wait_for(lock, wait_limit_, [&] { return closed_ || !idle_.empty() || size_ < max_size_; });
      --waiting_;
      if (closed_) throw DbError(DbError::Kind::kConnection, "begin", "database is closed");
      if (!ready) {
        throw DbError(DbError::Kind::kBusy, "begin",
                      name_ + ": no connection free after " + std::to_string(wait_limit_.count()) + " ms");
      }
    }
    ++in_use_;
    if (!idle_.empty()) {
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      return conn;
    }
    ++size_;  // reserve the slot, then open outside the lock: connecting can be slow
    lock.unlock();
    try {
      return factory_();
    } catch (...) {
      lock.lock();
      --size_;
      --in_use_;
      cv_.notify_all();
      throw;
    }
  }

  // Gives a connection back; an unhealthy one (or any, once closed) is destroyed.
  void Release(std::unique_ptr<Conn> conn, bool healthy) {
    std::unique_ptr<Conn> doomed;
    {
      std::lock_guard lock(mu_);
      --in_use_;
      if (closed_ || !healthy) {
        --size_;
        doomed = std::move(conn);
      } else {
        idle_.push_back(std::move(conn));
      }
    }
    cv_.notify_all();
  }

  PoolStats Stats() const {
    std::lock_guard lock(mu_);
    return PoolStats{size_, in_use_, waiting_};
  }

  // Refuses new callers, waits for connections in use to come back, then closes them all.
  void Close() {
    std::vector<std::unique_ptr<Conn>> doomed;
    {
      std::unique_lock lock(mu_);
      closed_ = true;
      cv_.notify_all();
      cv_.wait(lock, [&] { return in_use_ == 0; });
      doomed.swap(idle_);
      size_ -= static_cast<int>(doomed.size());
    }
  }

  // Like Close, without waiting: connections still in use are closed when they come back.
  void CloseNow() {
    std::vector<std::unique_ptr<Conn>> doomed;
    {
      std::lock_guard lock(mu_);
      closed_ = true;
      doomed.swap(idle_);
      size_ -= static_cast<int>(doomed.size());
    }
    cv_.notify_all();
  }

 private:
  const std::string name_;
  const int max_size_;
  const std::chrono::milliseconds wait_limit_;
  const Factory factory_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Conn>> idle_;
  int size_ = 0;
  int in_use_ = 0;
  int waiting_ = 0;
  bool closed_ = false;
};

}  // namespace motcua::store
