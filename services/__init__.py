"""The service directory (HSDS 3.0 shaped) and the router that sends people to the right service."""
