// Placeholder until configuration lands.
