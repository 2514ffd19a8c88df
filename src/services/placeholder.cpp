// Placeholder until the services layer lands its first use case.
