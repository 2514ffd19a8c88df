// The client's address behind reverse proxies: only named proxies are believed.
#include "http/client_address.hpp"

#include <gtest/gtest.h>

namespace motcua::http {
namespace {

AddressSet Set(std::string_view text) {
  auto s = AddressSet::Parse(text);
  EXPECT_TRUE(s) << text;
  return s ? *s : AddressSet{};
}

TEST(AddressSet, AddressesAndNetworks) {
  auto s = Set("127.0.0.1, 10.0.0.0/8 192.168.1.0/24,fd00::/8,::1");
  EXPECT_TRUE(s.Contains("127.0.0.1"));
  EXPECT_FALSE(s.Contains("127.0.0.2"));
  EXPECT_TRUE(s.Contains("10.200.3.4"));
  EXPECT_FALSE(s.Contains("11.0.0.1"));
  EXPECT_TRUE(s.Contains("192.168.1.255"));
  EXPECT_FALSE(s.Contains("192.168.2.1"));
  EXPECT_TRUE(s.Contains("fd12:3456::1"));
  EXPECT_FALSE(s.Contains("fe80::1"));
  EXPECT_TRUE(s.Contains("::1"));
  EXPECT_TRUE(s.Contains("::ffff:10.1.2.3"));  // IPv4-mapped reads as IPv4
  EXPECT_FALSE(s.Contains("not an address"));
  EXPECT_FALSE(s.Contains(""));
  EXPECT_TRUE(Set("0.0.0.0/0").Contains("8.8.8.8"));
  EXPECT_TRUE(Set("10.0.0.0/12").Contains("10.15.255.255"));
  EXPECT_FALSE(Set("10.0.0.0/12").Contains("10.16.0.0"));
  EXPECT_TRUE(Set("").empty());
}

TEST(AddressSet, RefusesWhatIsNotAnAddress) {
  std::string problem;
  for (const char* bad : {"10.0.0.0/33", "10.0.0/8", "localhost", "::1/129", "1.2.3.4/", "1.2.3.4/x", "1.2.3.4/-1"}) {
    EXPECT_FALSE(AddressSet::Parse(bad, &problem)) << bad;
    EXPECT_NE(problem.find(bad), std::string::npos) << problem;
  }
}

TEST(ClientAddress, OnlyTrustedProxiesAreBelieved) {
  auto proxies = Set("127.0.0.1, 10.0.0.0/8");
  // No proxy configured: the header is ignored (a client could write anything in it).
  EXPECT_EQ(ClientAddress("203.0.113.9", "1.2.3.4", AddressSet{}), "203.0.113.9");
  // A peer that is not a trusted proxy: ignored too.
  EXPECT_EQ(ClientAddress("203.0.113.9", "1.2.3.4", proxies), "203.0.113.9");
  // Behind the local nginx.
  EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.7", proxies), "198.51.100.7");
  EXPECT_EQ(ClientAddress("127.0.0.1", "", proxies), "127.0.0.1");
  // Two proxies of ours; what the client wrote itself in front is not believed.
  EXPECT_EQ(ClientAddress("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.1.1", proxies), "198.51.100.7");
  EXPECT_EQ(ClientAddress("127.0.0.1", "6.6.6.6,198.51.100.7 ,10.1.1.1", proxies), "198.51.100.7");
  // Every hop ours: the farthest one.
  EXPECT_EQ(ClientAddress("127.0.0.1", "10.0.0.5, 10.0.0.6", proxies), "10.0.0.5");
  // Garbage stops the walk at the last address believed.
  EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.7, garbage", proxies), "127.0.0.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "garbage, 10.0.0.5", proxies), "10.0.0.5");
  EXPECT_EQ(ClientAddress("127.0.0.1", ", 10.0.0.5", proxies), "10.0.0.5");
  EXPECT_EQ(ClientAddress("127.0.0.1", "2001:db8::7", proxies), "2001:db8::7");
}

}  // namespace
}  // namespace motcua::http
