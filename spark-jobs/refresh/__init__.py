"""The TPC-H refresh functions' data (RF1 insert sets, RF2 delete sets) and the jobs that apply them."""
