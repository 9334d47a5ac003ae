# SPDX-License-Identifier: Apache-2.0
# cmake -DKANGLE=path/to/kangle -DOUTPUT_DIR=dir -P write_docs.cmake
# Writes OUTPUT_DIR/kangle.1 (English), OUTPUT_DIR/man/zh_CN/man1/kangle.1 (Chinese)
# and OUTPUT_DIR/completions/{kangle,_kangle} (bash, zsh)
# with the built kangle, from its command table; fails when kangle does.
function(write_from_kangle file)
  execute_process(COMMAND "${KANGLE}" ${ARGN} OUTPUT_FILE "${file}.tmp" RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "kangle ${ARGN} failed: ${status}")
  endif()
  file(RENAME "${file}.tmp" "${file}")
endfunction()

file(MAKE_DIRECTORY "${OUTPUT_DIR}/completions" "${OUTPUT_DIR}/man/zh_CN/man1")
write_from_kangle("${OUTPUT_DIR}/kangle.1" --lang en help --man)
write_from_kangle("${OUTPUT_DIR}/man/zh_CN/man1/kangle.1" --lang zh-CN help --man)
write_from_kangle("${OUTPUT_DIR}/completions/kangle" completion bash)
write_from_kangle("${OUTPUT_DIR}/completions/_kangle" completion zsh)
