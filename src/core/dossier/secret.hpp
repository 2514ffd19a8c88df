// The short lookup secret printed on the receipt: six characters from an alphabet without look-alikes
// (no 0/O, 1/I/L), so it can be read aloud and typed from paper.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace motcua::core::dossier {

inline constexpr std::string_view kSecretAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
inline constexpr size_t kSecretLength = 6;

// A new secret; `uniform(n)` returns a uniformly random number below n (the caller's CSPRNG).
std::string MakeSecret(const std::function<std::uint32_t(std::uint32_t)>& uniform);

// The secret as typed, normalised: spaces and dashes dropped, lower case raised. None when it
// cannot be a secret (wrong length or a character outside the alphabet).
std::optional<std::string> NormalizeSecret(std::string_view typed);

}  // namespace motcua::core::dossier
